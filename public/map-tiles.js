// The optional background map on /map (KLIMADIALOG_MAP_TILES): the server places the tiles
// without their addresses, and only here, with JavaScript on, are they fetched from the
// configured tile server. The areas become see-through so the map shows beneath them, and the
// tile server's credit appears.
const tiles = document.querySelectorAll('svg.map g.tiles image[data-href]');
for (const tile of tiles) tile.setAttribute('href', tile.dataset.href);
if (tiles.length > 0) {
  document.querySelector('svg.map')?.classList.add('with-tiles');
  document.querySelector('.tile-credit')?.removeAttribute('hidden');
}
