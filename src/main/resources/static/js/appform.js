// Shows a field only when the field it depends on has one of the listed values (data-show-field, data-show-values).
// Without this script every field stays visible with its condition written in its hint; the server ignores hidden ones.
(function () {
  function update(root) {
    root.querySelectorAll('[data-show-field]').forEach(function (el) {
      var source = root.querySelector('[name="' + CSS.escape(el.dataset.showField) + '"]');
      var values = (el.dataset.showValues || '').split('|');
      el.hidden = !(source && values.indexOf(source.value) >= 0);
    });
  }
  function bind(root) {
    if (!root.querySelector('[data-show-field]')) return;
    update(root);
    root.addEventListener('change', function () { update(root); });
    root.addEventListener('input', function () { update(root); });
  }
  function all() { document.querySelectorAll('form[data-appform]').forEach(bind); }
  document.addEventListener('DOMContentLoaded', all);
  document.addEventListener('htmx:afterSettle', function (e) {
    var form = e.target.closest ? e.target.querySelector('form[data-appform]') || e.target.closest('form[data-appform]') : null;
    if (form) bind(form);
  });
})();
