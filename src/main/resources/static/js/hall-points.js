// 办事地点: when the browser can tell where the person is (and they allow it), fill in the coordinates and search.
// Without JavaScript or a position the township form and the typed coordinates work the same.
(function () {
  'use strict';
  var button = document.getElementById('use-position');
  var form = document.getElementById('near-form');
  var input = document.getElementById('near');
  var message = document.getElementById('position-message');
  if (!button || !form || !input || !('geolocation' in navigator)) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      input.value = position.coords.latitude.toFixed(6) + ',' + position.coords.longitude.toFixed(6);
      form.submit();
    }, function () {
      button.disabled = false;
      message.textContent = button.getAttribute('data-refused');
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  });
})();
