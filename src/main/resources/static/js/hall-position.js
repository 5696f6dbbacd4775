// 手机取号: fills the form's hidden position fields from the browser's geolocation, if the person allows it.
// Without it the server refuses the number and says why.
(function () {
  'use strict';
  var form = document.querySelector('form[data-queue-position]');
  if (!form || !navigator.geolocation) {
    return;
  }
  var status = form.querySelector('[data-position-status]');
  function say(id) {
    var template = document.getElementById(id);
    if (status && template) {
      status.textContent = template.textContent;
    }
  }
  navigator.geolocation.getCurrentPosition(function (position) {
    form.querySelector('#latitude').value = position.coords.latitude;
    form.querySelector('#longitude').value = position.coords.longitude;
    say('position-found');
  }, function () {
    say('position-refused');
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
})();
