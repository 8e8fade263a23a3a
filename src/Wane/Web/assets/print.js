// Print buttons: shown only when this script runs (without JavaScript the browser's own Print works).
document.querySelectorAll('button[data-print]').forEach(function (b) {
  b.hidden = false;
  b.addEventListener('click', function () { window.print(); });
});
