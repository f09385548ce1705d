/* Numbers written by the page's scripts in the digits of its language, like those the server wrote
   (core/reader_html.py): <html data-digits="۰۱۲۳۴۵۶۷۸۹"> in Persian. Loaded only where the language has digits of its
   own; the scripts call window.localDigits when it is there and write Latin digits otherwise. */
(function () {
  "use strict";

  var digits = document.documentElement.dataset.digits || "";
  window.localDigits = function (value) {
    var text = String(value);
    if (digits.length !== 10) { return text; }
    return text.replace(/[0-9]/g, function (digit) { return digits.charAt(Number(digit)); });
  };
}());
