function (map, url, labels, eventZoom) {
  // The offline basemap (countries, oblasts, rivers, each feature with its style) and the towns to
  // label, fetched from the app's static files: the browser keeps them, and the page's runs do not
  // carry them. Outlines go to the back, under any shaded region. Names arrive escaped.
  fetch(url).then((response) => response.json()).then((data) => {
    ["rivers", "oblasts", "countries"].forEach((name) => {
      L.geoJSON(data[name], {interactive: false, style: (feature) => feature.properties.style})
        .addTo(map).bringToBack();
    });
    labels(map, data.towns, eventZoom);
  });
}
