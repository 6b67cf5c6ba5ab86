// Chart and map of a sandbox dataset page (datahub/sandbox/dataset_detail.html).
// Data comes from json_script blocks: #chart-data {attribute, unit, unit_symbol, times, labels (KST), values},
// #map-data (GeoJSON FeatureCollection) and #map-tiles {url, attribution}.
// The map draws circle markers (no image assets) and works when tiles cannot load.
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function drawChart() {
    var series = readJson("chart-data");
    var canvas = document.getElementById("dataset-chart");
    if (!series || !canvas || typeof window.Chart === "undefined") return;
    var values = series.values;
    var categories = null;
    // States (free/occupied, on/off …) are drawn as a step line over their categories.
    if (values.some(function (v) { return typeof v === "string" || typeof v === "boolean"; })) {
      categories = [];
      values.forEach(function (v) { if (categories.indexOf(String(v)) < 0) categories.push(String(v)); });
      categories.sort();
      values = values.map(function (v) { return categories.indexOf(String(v)); });
    }
    var yTicks = categories ? { stepSize: 1, callback: function (v) { return categories[v]; } } : {};
    var chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: series.labels,
        datasets: [{
          label: series.attribute + (series.unit_symbol ? " (" + series.unit_symbol + ")" : ""),
          data: values,
          stepped: categories ? "before" : false,
          borderColor: "#256ef4",
          backgroundColor: "rgba(37, 110, 244, 0.12)",
          borderWidth: 1.5,
          pointRadius: 0,
          fill: !categories,
          tension: 0.2,
        }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: { x: { ticks: { maxTicksLimit: 8, autoSkip: true } }, y: { ticks: yTicks } },
        plugins: { legend: { display: true } },
      },
    });
    canvas.dataset.points = String(chart.data.datasets[0].data.length);
  }

  function drawMap() {
    var features = readJson("map-data");
    var tiles = readJson("map-tiles") || {};
    var node = document.getElementById("dataset-map");
    if (!features || !node || typeof window.L === "undefined") return;
    var map = window.L.map(node, { scrollWheelZoom: false });
    if (tiles.url) {
      window.L.tileLayer(tiles.url, { maxZoom: 19, attribution: tiles.attribution || "" }).addTo(map);
    }
    var layer = window.L.geoJSON(features, {
      pointToLayer: function (feature, latlng) {
        return window.L.circleMarker(latlng, { radius: 6, color: "#063a74", weight: 1, fillColor: "#256ef4", fillOpacity: 0.8 });
      },
      onEachFeature: function (feature, marker) {
        var box = document.createElement("div");
        var name = document.createElement("strong");
        name.textContent = feature.properties.name;
        var id = document.createElement("code");
        id.textContent = feature.properties.id;
        box.appendChild(name);
        box.appendChild(document.createElement("br"));
        box.appendChild(id);
        marker.bindPopup(box);
      },
    }).addTo(map);
    if (features.features.length) {
      map.fitBounds(layer.getBounds(), { padding: [16, 16], maxZoom: 17 });
    } else {
      map.setView([37.4292, 126.9876], 13);
    }
    node.dataset.markers = String(features.features.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawChart();
    drawMap();
  });
})();
