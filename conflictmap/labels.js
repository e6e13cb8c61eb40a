function (map, towns, eventZoom) {
  // Place names in one pane, redrawn when the map stops moving: the places of the events shown
  // (map.cmPlaces, from mapview.js) from eventZoom on, then the towns, largest first, each from its
  // own zoom; a label that would overlap one already drawn is left out. Names arrive escaped.
  const pane = map.getPane("cmLabels") || map.createPane("cmLabels");
  pane.style.zIndex = 450;
  pane.classList.add("cm-labels");
  const W = 8, H = 14, MAX = 400;  // the overlap grid's cell in pixels; labels drawn at most
  const draw = () => {
    const zoom = map.getZoom(), bounds = map.getBounds(), taken = new Set(), html = [];
    const free = (x0, x1, y0, y1) => {  // the grid cells of a box, or null when one is taken
      const cells = [];
      for (let x = Math.floor(x0 / W); x <= Math.floor(x1 / W); x++) {
        for (let y = Math.floor(y0 / H); y <= Math.floor(y1 / H); y++) {
          if (taken.has(x + ":" + y)) return null;
          cells.push(x + ":" + y);
        }
      }
      return cells;
    };
    const place = (lat, lon, name, cls) => {  // right of the point, else left of it, else not at all
      if (html.length >= MAX || !bounds.contains([lat, lon])) return;
      const p = map.latLngToLayerPoint([lat, lon]).round(), width = 12 + 6.5 * name.length;
      let side = "", cells = free(p.x, p.x + width, p.y - H / 2, p.y + H / 2);
      if (!cells) [side, cells] = [" cm-left", free(p.x - width, p.x, p.y - H / 2, p.y + H / 2)];
      if (!cells) return;
      cells.forEach((c) => taken.add(c));
      html.push('<span class="cm-label ' + cls + side + '" style="left:' + p.x + "px;top:" + p.y + 'px">' + name
                + "</span>");
    };
    const events = map.cmPlaces;
    if (events && zoom >= eventZoom) {
      events.name.forEach((name, i) => place(events.lat[i], events.lon[i], name, "cm-event-place"));
    }
    towns.name.forEach((name, i) => { if (zoom >= towns.zoom[i]) place(towns.lat[i], towns.lon[i], name, towns.zoom[i] ? "cm-town" : "cm-city"); });
    pane.innerHTML = html.join("");
  };
  map.on("zoomstart", () => { pane.style.display = "none"; });
  map.on("zoomend", () => { pane.style.display = ""; });
  map.on("moveend cmplaces", draw);
  map.whenReady(draw);
}
