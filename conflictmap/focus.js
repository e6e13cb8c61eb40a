function (keyboard) {
  // Leaflet focuses the map on a mouse press (for its arrow keys); in the app's frame that scrolled the
  // page to show the whole map, so the press and the release fell on different elements and the first
  // click on a marker was lost. The map takes the focus without scrolling.
  if (!keyboard) return;
  keyboard.disable();
  keyboard._onMouseDown = function () { if (!this._focused) this._map._container.focus({preventScroll: true}); };
  keyboard.enable();
}
