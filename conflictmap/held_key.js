function (group, html) {
  // The held-by layer's key, shown while the layer is on the map.
  const key = L.control({position: "bottomleft"});
  key.onAdd = () => Object.assign(L.DomUtil.create("div", "cm-legend-held"), {innerHTML: html});
  group.on("add", () => key.addTo(group._map));
  group.on("remove", () => key.remove());
  if (group._map) key.addTo(group._map);
}
