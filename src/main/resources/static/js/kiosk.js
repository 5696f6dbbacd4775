// 自助终端: counts down the idle timeout of a kiosk page (the server drops the person after it whatever this does).
// A warning shows for the last 15 seconds with a 继续使用 button; at zero the page goes to the idle address, which
// clears the kiosk. Each page load starts the count again, as the server's does. Without this script the page's
// meta refresh goes to the same address.
(function () {
  'use strict';
  var box = document.querySelector('[data-idle-seconds]');
  if (!box) {
    return;
  }
  var seconds = parseInt(box.getAttribute('data-idle-seconds'), 10);
  var url = box.getAttribute('data-idle-url');
  var left = box.querySelector('[data-idle-left]');
  if (isNaN(seconds) || !url) {
    return;
  }
  var until = Date.now() + seconds * 1000;
  var warnFrom = Math.min(15, seconds);
  function tick() {
    var remaining = Math.ceil((until - Date.now()) / 1000);
    if (remaining <= 0) {
      window.location.assign(url);
      return;
    }
    if (remaining <= warnFrom) {
      box.hidden = false;
      if (left) {
        left.textContent = '（' + remaining + ' 秒）';
      }
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
