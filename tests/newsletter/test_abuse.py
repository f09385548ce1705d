"""Abuse of the subscription form: rate limits, robots, malformed input. A clean 4xx every time, never a 500."""

import pytest
from django.core import mail
from django.test import Client

from newsletter.models import ConsentEvent, Subscriber

pytestmark = pytest.mark.usefixtures("newsletter")

FORM = "/en/newsletter/"
VALID = {"email": "ana@example.org", "language": "en", "topics": ["programme"], "consent": "on"}


def post(client, data, ip="203.0.113.7"):
    return client.post(FORM, data, REMOTE_ADDR=ip)


def test_one_connection_may_send_ten_requests_an_hour_then_gets_a_429_page(client, settings):
    settings.RATELIMIT_ENABLE = True
    for number in range(10):
        assert post(client, {**VALID, "email": f"person{number}@example.org"}).status_code == 302

    response = post(client, {**VALID, "email": "one-more@example.org"})

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Too many requests" in response.text
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    assert post(client, {**VALID, "email": "elsewhere@example.org"}, ip="198.51.100.9").status_code == 302


def test_one_address_may_be_requested_three_times_an_hour_whatever_the_connection(client, settings):
    settings.RATELIMIT_ENABLE = True
    for number in range(3):
        assert post(client, {**VALID, "email": "Ana@Example.org"}, ip=f"198.51.100.{number}").status_code == 302

    response = post(client, {**VALID, "email": " ana@example.org "}, ip="192.0.2.50")

    assert response.status_code == 429
    assert "Too many requests" in response.text
    assert post(client, {**VALID, "email": "bob@example.org"}, ip="192.0.2.50").status_code == 302


def test_invalid_requests_count_against_the_connection_too(client, settings):
    settings.RATELIMIT_ENABLE = True
    for _ in range(10):
        assert post(client, {**VALID, "email": "nope"}).status_code == 400

    assert post(client, VALID).status_code == 429


def test_without_rate_limits_the_form_keeps_answering(client):
    for number in range(15):
        assert post(client, {**VALID, "email": f"person{number}@example.org"}).status_code == 302


def test_a_robot_filling_the_honeypot_is_told_it_worked_and_nothing_is_recorded_or_sent(client):
    response = post(client, {**VALID, "website": "https://cheap-pills.example"})

    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/check-your-inbox/"
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people_keyboards_and_assistive_technology(client):
    page = client.get(FORM).text

    assert '<div class="newsletter-hp" aria-hidden="true">' in page
    assert 'name="website" autocomplete="off" tabindex="-1"' in page


@pytest.mark.parametrize(
    ("case", "data", "error"),
    [
        ("invalid email", {**VALID, "email": "not-an-address"}, "Enter a valid email address."),
        ("empty email", {**VALID, "email": ""}, "Enter your email address."),
        ("10,000-character email", {**VALID, "email": "a" * 9988 + "@example.org"}, "at most 254 characters"),
        ("10,000-character language", {**VALID, "language": "e" * 10_000}, "Select a valid choice."),
        ("unknown topic", {**VALID, "topics": ["duo-atlantis"]}, "Choose topics from the list."),
        ("numeric topic", {**VALID, "topics": ["99999999999999999999999999"]}, "Choose topics from the list."),
        ("missing consent", {key: value for key, value in VALID.items() if key != "consent"}, "Tick the box"),
    ],
)
def test_malformed_input_re_renders_the_form_with_its_errors_and_a_400(client, case, data, error):
    response = post(client, data)

    assert response.status_code == 400, case
    assert error in response.text
    assert 'role="alert"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [({**VALID, "email": "ana\x00@example.org"}, "email"), ({**VALID, "topics": ["programme\x00"]}, "topics")],
    ids=["email", "topic"],
)
def test_a_nul_byte_is_refused_at_the_edge_with_a_400_naming_the_field(client, data, field):
    response = post(client, data)

    assert response.status_code == 400
    assert f'"{field}" contains a NUL byte' in response.text
    assert not Subscriber.objects.exists()


def test_an_error_is_linked_to_its_field_for_screen_readers(client):
    page = post(client, {**VALID, "email": "nope"}).text

    assert 'aria-describedby="id_email_error"' in page
    assert 'id="id_email_error"' in page


def test_a_footer_request_with_errors_comes_back_on_the_full_page(client):
    response = post(client, {"email": "nope", "language": "fr", "variant": "footer", "consent": "on"})

    assert response.status_code == 400
    assert "<legend>Topics</legend>" in response.text
    assert 'value="nope"' in response.text


@pytest.mark.parametrize(
    "body",
    [
        b"email=%FF%FEana%40example.org&language=en&topics=programme&consent=on",  # invalid UTF-8, escaped
        b"email=\xff\xfeana@example.org&language=en&topics=programme&consent=on",  # invalid UTF-8, raw
        b"email=%ED%A0%80%40example.org&language=en&topics=programme&consent=on",  # a lone surrogate, encoded
        b"email=ana%40example.org&language=%ED%A0%80&topics=programme&consent=on",
        b"email=ana%40example.org&language=en&topics=%ED%A0%80&consent=on",
    ],
)
def test_bad_unicode_in_the_body_gets_a_400_not_a_500(client, body):
    response = client.post(FORM, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_malformed_multipart_body_gets_a_400(client):
    response = client.post(FORM, b"--x\r\nnot a part", content_type="multipart/form-data; boundary=")

    assert response.status_code == 400


def test_a_post_without_a_csrf_token_is_refused_with_a_403(db):
    response = Client(enforce_csrf_checks=True).post(FORM, VALID)

    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_a_long_source_is_cut_to_fit_the_ledger(client):
    assert post(client, {**VALID, "source": "/" + "x" * 10_000}).status_code == 302
    assert len(ConsentEvent.objects.get().source) == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/newsletter/manage/%ED%A0%80/",
        "/en/newsletter/manage/%00/",
        "/en/newsletter/unsubscribe/" + "A" * 5000 + "/",
        "/en/newsletter/confirm/not-a-token/",
        "/en/newsletter/manage/e30:1u:abc/data/",
        "/en/newsletter/manage/e30:1u:abc/erase/",
    ],
)
def test_garbage_links_get_a_400_page_on_get_and_post(client, path):
    assert client.get(path).status_code == 400
    assert client.post(path).status_code in {400, 405}


def test_other_methods_are_refused_cleanly(client):
    assert client.put(FORM).status_code == 405
    assert client.delete("/en/newsletter/unsubscribe/x/").status_code == 405
