"""The OpenAPI schema says what the API answers: its error answers and their one shape, empty values, NUL bytes."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

ERROR_COMPONENT = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "The body of every error answer. A refusal of the request as a whole carries `detail`; a refusal of "
        "some of its fields (query parameters or body fields) names each one, with its reasons."
    ),
    "properties": {"detail": {"type": "string", "description": "Why the request as a whole was refused."}},
    "additionalProperties": {
        "type": "array",
        "items": {"type": "string"},
        "description": "An invalid field, named as in the request, with why it was refused.",
    },
    "example": {"role": ["Select a valid choice. mayor is not one of the available choices."]},
}
# Text the platform stores or looks up may hold no NUL byte: the middleware refuses one anywhere in a request.
NO_NUL = "^[^\\x00]*$"
RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer", "minimum": 0},
        "description": "Seconds to wait before asking again.",
    }
}


class ApiAutoSchema(AutoSchema):
    """Document every answer an operation can give, with the one error shape, and what each field may hold."""

    def _error_answers(self) -> dict[str, str]:
        """Return the error statuses this operation can answer, each with when."""
        answers = {
            "400": "The request is invalid: each invalid parameter or field is named, with why (a value outside "
            "its choices, not a number, a NUL byte…).",
        }
        if any(authenticator.authenticate_header(None) for authenticator in self.view.get_authenticators()):
            answers["401"] = "The credentials given (HTTP Basic) are wrong or the account is inactive."
        if self.method not in SAFE_METHODS:
            answers["403"] = "A signed-in browser session sent no valid CSRF token."
        if "{" in self.path or (self._is_list_view() and self._get_paginator() is not None):
            answers["404"] = "No such object visible to the caller, or no such page of results."
        if self.view.get_throttles():
            answers["429"] = "Too many requests: wait the seconds given by Retry-After."
        return answers

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        self.registry.register_on_missing(
            ResolvedComponent(
                name=ERROR_COMPONENT, type=ResolvedComponent.SCHEMA, object=ERROR_COMPONENT, schema=ERROR_SCHEMA
            )
        )
        error = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}}}
        for code, description in self._error_answers().items():
            responses.setdefault(code, {"content": error, "description": description})
        for code, response in responses.items():
            if int(code) >= 400 and not response.get("content"):
                response["content"] = error
            if code in ("429", "503"):
                response.setdefault("headers", RETRY_AFTER)
        return responses

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            schema = parameter.get("schema", {})
            if schema.get("type") == "string" and not {"enum", "pattern", "format"} & set(schema):
                schema["pattern"] = NO_NUL
        return parameters

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if not isinstance(schema, dict) or "$ref" in schema:
            return schema
        if isinstance(field, serializers.FileField) and direction == "response":
            schema["nullable"] = True  # no file: null
        elif isinstance(field, serializers.URLField) and getattr(field, "allow_blank", False):
            url = {key: schema.pop(key) for key in ("type", "format", "maxLength") if key in schema}
            schema["anyOf"] = [url, {"type": "string", "maxLength": 0}]  # none given: ""
        if (
            direction == "request"
            and schema.get("type") == "string"
            and not {"enum", "pattern", "format"} & set(schema)
        ):
            schema["pattern"] = NO_NUL  # DRF's text fields refuse a NUL byte
        return schema

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        for name, field in serializer.fields.items():
            prop = schema.get("properties", {}).get(name, {})
            if getattr(field, "allow_blank", False) and prop.get("pattern", "").startswith("^"):
                prop["pattern"] = f"^(?:{prop['pattern'][1:].removesuffix('$')})?$"  # a blank slug: ""
        if direction == "request" and getattr(serializer, "refuses_unknown_fields", False):
            schema["additionalProperties"] = False
        return schema
