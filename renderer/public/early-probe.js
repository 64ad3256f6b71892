// A classic script that runs while the HTML is parsed, before the app bundle is even fetched: asking
// IndexedDB which databases exist (~100 ms) then overlaps the bundle's load and parse instead of following
// it. renderer/db/open-database.ts takes the answer once; a retry asks again. Plain JavaScript on purpose:
// files in public/ are copied as they are, and a module script would wait for the bundle.
'use strict';
if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
  window.edDatabaseProbe = indexedDB.databases();
  // When our database exists, touch it once: the browser starts its storage backend now and keeps it warm
  // for a few seconds. Opening without a version never changes anything, and the connection is closed at
  // once so it cannot block an upgrade. (The name is DATABASE_NAME in renderer/db/schema.ts.)
  window.edDatabaseProbe.then(
    function (list) {
      if (!list.some((info) => info.name === 'emergency-desk')) return;
      var request = indexedDB.open('emergency-desk');
      request.onsuccess = function () {
        request.result.close();
      };
    },
    function () {},
  );
}
