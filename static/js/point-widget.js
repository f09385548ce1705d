/* The admin's point picker: a Leaflet map beside a latitude and a longitude input (core/geo.py PointWidget).
   Typing moves the marker, clicking the map or dragging the marker fills the inputs, "Clear" removes the point.
   Everything comes from the widget's data-attributes (no inline script under the CSP); the map works without tiles. */
(function () {
  "use strict";

  var DECIMALS = 6;

  function parse(text) {
    var value = String(text || "").trim().replace(",", ".");
    if (value === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) { return null; }
    return parseFloat(value);
  }

  function round(value) {
    return String(parseFloat(value.toFixed(DECIMALS)));
  }

  function setUp(widget) {
    if (widget.dataset.ready || typeof L === "undefined") { return; }
    // The admin's hidden template row of an inline is cloned by "Add another"; only the clones get a map.
    if (widget.closest(".empty-form")) { return; }
    widget.dataset.ready = "true";

    var latitudeInput = widget.querySelector(".point-widget-latitude");
    var longitudeInput = widget.querySelector(".point-widget-longitude");
    var container = widget.querySelector(".point-widget-map");
    var zoom = parseInt(widget.dataset.zoom, 10) || 11;
    var map = L.map(container, { scrollWheelZoom: false, worldCopyJump: true });
    if (widget.dataset.tileUrl) {
      L.tileLayer(widget.dataset.tileUrl, { attribution: widget.dataset.attribution, maxZoom: 18 }).addTo(map);
    }
    var marker = null;

    function typedPoint() {
      var latitude = parse(latitudeInput.value);
      var longitude = parse(longitudeInput.value);
      if (latitude === null || longitude === null) { return null; }
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) { return null; }
      return L.latLng(latitude, longitude);
    }

    function fill(latlng) {
      var wrapped = latlng.wrap();
      latitudeInput.value = round(wrapped.lat);
      longitudeInput.value = round(wrapped.lng);
      [latitudeInput, longitudeInput].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }

    function place(latlng) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true, autoPan: true, keyboard: true, title: widget.dataset.markerTitle || "" });
        marker.on("dragend", function () { fill(marker.getLatLng()); });
        marker.addTo(map);
      }
      widget.dataset.placed = "true";
    }

    function unplace() {
      if (marker) { map.removeLayer(marker); marker = null; }
      widget.dataset.placed = "false";
    }

    function followInputs() {
      var point = typedPoint();
      if (point) {
        place(point);
        if (!map.getBounds().pad(-0.1).contains(point)) { map.panTo(point); }
      } else if (!latitudeInput.value.trim() && !longitudeInput.value.trim()) {
        unplace();
      }
    }

    map.on("click", function (event) {
      place(event.latlng);
      fill(event.latlng);
    });
    [latitudeInput, longitudeInput].forEach(function (input) {
      input.addEventListener("input", followInputs);
    });
    widget.querySelector(".point-widget-clear").addEventListener("click", function () {
      latitudeInput.value = "";
      longitudeInput.value = "";
      unplace();
    });

    var start = typedPoint();
    var centreLatitude = parse(widget.dataset.centreLatitude);
    var centreLongitude = parse(widget.dataset.centreLongitude);
    if (start) {
      place(start);
      map.setView(start, zoom);
    } else if (centreLatitude !== null && centreLongitude !== null) {
      unplace();
      map.setView([centreLatitude, centreLongitude], zoom);
    } else {
      unplace();
      map.setView([30, 10], 4);  // the Mediterranean, between most of the programme's cities
    }
    // A map drawn in a collapsed fieldset or a row just added has no size yet: redraw it once it gets one.
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(container);
    }
    widget.dataset.mapReady = "true";
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("[data-point-widget]").forEach(setUp);
  }

  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  document.addEventListener("formset:added", function (event) { setUpAll(event.target); });
})();
