/* Maps of cities, duos and local initiatives: reads the JSON that the page embeds next to each map container and draws it with Leaflet.
   Markers and lines are drawn even when tiles cannot be loaded (offline, tile server down).
   Names come from what users typed: tooltips and popups are DOM nodes filled with textContent, never HTML strings
   (Leaflet would read a string as HTML), and links only take the addresses the server built. */
(function () {
  "use strict";

  // A name as a tooltip or popup: a text node in an element, whatever characters the name holds.
  function textElement(tag, text) {
    var element = document.createElement(tag);
    element.textContent = text == null ? "" : String(text);
    return element;
  }

  // The server writes site paths ("/en/…") or absolute http(s) addresses; anything else (javascript:, data:…) is refused.
  function trustedHref(url) {
    var value = String(url || "");
    return /^\/(?!\/)/.test(value) || /^https?:\/\//i.test(value) ? value : "";
  }

  function link(url, text) {
    var anchor = textElement("a", text);
    var href = trustedHref(url);
    if (href) { anchor.href = href; }
    return anchor;
  }

  function drawMap(container) {
    var source = document.getElementById(container.dataset.mapSource);
    if (!source || typeof L === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var map = L.map(container, { scrollWheelZoom: false, worldCopyJump: true, zoomControl: false });
    // The page gives the zoom buttons their titles in its own language (Leaflet's are English only).
    L.control.zoom({
      zoomInTitle: container.dataset.zoomInTitle || "Zoom in",
      zoomOutTitle: container.dataset.zoomOutTitle || "Zoom out"
    }).addTo(map);
    if (container.dataset.tileUrl) {
      L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.attribution, maxZoom: 18 }).addTo(map);
    }
    var bounds = [];
    var cityMarkers = [];
    (data.duos || []).forEach(function (duo) {
      var line = L.polyline([duo.from, duo.to], { color: "#2e7d32", weight: 2, opacity: 0.8, className: "duo-line" });
      line.bindTooltip(textElement("span", duo.name)).on("click", function () {
        var href = trustedHref(duo.url);
        if (href) { window.location.href = href; }
      }).addTo(map);
    });
    (data.cities || []).forEach(function (city) {
      var marker = L.circleMarker([city.lat, city.lon], {
        radius: 7, weight: 2, color: city.role === "french" ? "#1b5e20" : "#e65100",
        fillColor: city.role === "french" ? "#43a047" : "#fb8c00", fillOpacity: 0.9, className: "city-marker"
      });
      marker.bindPopup(link(city.url, city.name + " (" + city.country + ")"))
        .bindTooltip(textElement("span", city.name)).addTo(map);
      cityMarkers.push(marker);
      bounds.push([city.lat, city.lon]);
    });
    // Local initiatives of the good-practice library: smaller violet markers whose popup links to the library entry.
    (data.initiatives || []).forEach(function (initiative) {
      var marker = L.circleMarker([initiative.lat, initiative.lon], {
        radius: 6, weight: 2, color: "#4a148c", fillColor: "#ab47bc", fillOpacity: 0.9, className: "initiative-marker"
      });
      var popup = document.createElement("div");
      popup.appendChild(link(initiative.url, initiative.title));
      if (initiative.city) {
        popup.appendChild(document.createElement("br"));
        popup.appendChild(document.createTextNode(initiative.city));
      }
      marker.bindPopup(popup).bindTooltip(textElement("span", initiative.title)).addTo(map);
      bounds.push([initiative.lat, initiative.lon]);
    });
    // Food infrastructure of a territory (mills, markets, food banks…): blue markers whose popup gives kind and status.
    (data.infrastructure || []).forEach(function (item) {
      var marker = L.circleMarker([item.lat, item.lon], {
        radius: 6, weight: 2, color: "#01579b", fillColor: "#29b6f6", fillOpacity: 0.9, className: "infrastructure-marker"
      });
      var popup = document.createElement("div");
      popup.appendChild(textElement("strong", item.name));
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(item.kind_label + " · " + item.status));
      marker.bindPopup(popup).bindTooltip(textElement("span", item.name)).addTo(map);
      bounds.push([item.lat, item.lon]);
    });
    // Outlines of territories (a park, its communes): thin polygons under the markers, from GeoJSON the server checked.
    (data.outlines || []).forEach(function (outline) {
      var layer = L.geoJSON(outline.geometry, {
        style: { color: "#6a1b9a", weight: 2, opacity: 0.8, fillOpacity: 0.08, className: "territory-outline" }
      });
      layer.bindTooltip(textElement("span", outline.name)).addTo(map);
      layer.eachLayer(function (part) { part.bringToBack(); });
      var box = layer.getBounds();
      if (box.isValid()) { bounds.push([box.getSouth(), box.getWest()], [box.getNorth(), box.getEast()]); }
    });
    if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
    } else if (bounds.length === 1) {
      map.setView(bounds[0], 10);
    } else {
      map.setView([20, 0], 2);
    }
    // Zoomed out to show two distant cities, a city's initiatives sit on its marker: the cities stay on top (once
    // the map has a view, which is when Leaflet draws the markers).
    cityMarkers.forEach(function (marker) { marker.bringToFront(); });
    container.dataset.ready = "true";
  }

  document.querySelectorAll("[data-map-source]").forEach(drawMap);
})();
