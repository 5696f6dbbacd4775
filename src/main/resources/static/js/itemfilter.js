// Narrows a select's options as one types into the field that names it (data-filters="<select id>"): an option stays
// when its text, its value or its group's label contains every typed word; empty groups are hidden too. Without this
// script the field's form asks the server, which answers with the list narrowed by the catalogue's search.
(function () {
  function filter(input, select) {
    var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var firstVisible = null;
    select.querySelectorAll('optgroup').forEach(function (group) {
      var label = (group.label || '').toLowerCase();
      var any = false;
      group.querySelectorAll('option').forEach(function (option) {
        var text = (option.text + ' ' + option.value + ' ' + label).toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        option.hidden = !keep;
        option.disabled = !keep;
        if (keep) { any = true; if (!firstVisible) firstVisible = option; }
      });
      group.hidden = !any;
    });
    if (select.selectedOptions.length === 0 || select.selectedOptions[0].hidden) {
      if (firstVisible) firstVisible.selected = true;
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-filters]').forEach(function (input) {
      var select = document.getElementById(input.dataset.filters);
      if (!select) return;
      input.addEventListener('input', function () { filter(input, select); });
    });
  });
})();
