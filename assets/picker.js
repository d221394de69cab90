// Pickers: suggestions while typing in the fields that name notes or sources.
//
// Enhances the markup of templates/picker.html (a field marked data-picker): the text
// input becomes a combobox (ARIA 1.2 pattern) whose listbox shows what
// /pick/notes or /pick/sources finds for the words typed. Arrow keys move through the
// suggestions, Enter picks, Escape closes; a live region says how many there are.
// A single pick puts the number in the field and names the item under it; a multi pick
// adds the item to the ticked list above the field. Without this script, the same
// fields work through the server's search step.
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_CHARS = 2;

  function enhance(root) {
    var input = root.querySelector("[data-picker-input]");
    if (!input) {
      return;
    }
    var kind = root.getAttribute("data-picker");
    var multi = root.hasAttribute("data-picker-multi");
    var noteType = root.getAttribute("data-picker-type");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "ds-suggestion picker-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", root.querySelector("label").textContent.trim());
    list.hidden = true;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", live);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function words() {
      var value = input.value;
      if (multi) {
        var parts = value.split(/[,;\n]/);
        value = parts[parts.length - 1];
      }
      return value.trim();
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(answer) {
      items = answer.items;
      list.textContent = "";
      items.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = input.id + "-suggestion-" + item.id;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-suggestion", String(item.id));
        option.textContent = item.title + " (#" + item.id + " · " + item.label + ")";
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          pick(i);
        });
        list.appendChild(option);
      });
      live.textContent = answer.announce;
      if (items.length > 0) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    function ask() {
      var typed = words();
      if (typed.length < MIN_CHARS) {
        close();
        return;
      }
      var url = "/pick/" + kind + "s?q=" + encodeURIComponent(typed);
      if (noteType) {
        url += "&type=" + encodeURIComponent(noteType);
      }
      var number = ++asked;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && number === asked) {
            show(answer);
          }
        })
        .catch(function () {
          close();
        });
    }

    function describe(item) {
      return item.title + " (#" + item.id + " · " + item.label + ")";
    }

    function pick(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      if (multi) {
        var held = root.querySelector("[data-picked-list]");
        var id = input.id + "-item-" + item.id;
        if (held && !document.getElementById(id)) {
          var field = document.createElement("div");
          field.className = "ds-field";
          var box = document.createElement("input");
          box.type = "checkbox";
          box.className = "ds-input";
          box.id = id;
          box.name = input.name;
          box.value = String(item.id);
          box.checked = true;
          box.setAttribute("data-picked", String(item.id));
          var label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = describe(item);
          field.appendChild(box);
          field.appendChild(label);
          held.appendChild(field);
          held.hidden = false;
        }
        var parts = input.value.split(/[,;\n]/);
        parts.pop();
        input.value = parts.join(",").trim();
      } else {
        input.value = String(item.id);
        var current = root.querySelector("[data-picked-current]");
        if (current) {
          current.textContent = current.getAttribute("data-picked-label") + " " + describe(item);
          current.setAttribute("data-picked", String(item.id));
          current.hidden = false;
          var described = (input.getAttribute("aria-describedby") || "").split(" ");
          if (described.indexOf(current.id) < 0) {
            described.push(current.id);
            input.setAttribute("aria-describedby", described.join(" ").trim());
          }
        }
      }
      live.textContent = describe(item);
      close();
      input.focus();
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (open) {
          mark(active < items.length - 1 ? active + 1 : 0);
        } else {
          ask();
        }
      } else if (event.key === "ArrowUp") {
        if (open) {
          event.preventDefault();
          mark(active > 0 ? active - 1 : items.length - 1);
        }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  var pickers = document.querySelectorAll("[data-picker]");
  for (var i = 0; i < pickers.length; i++) {
    enhance(pickers[i]);
  }
})();
