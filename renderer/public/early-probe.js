// A classic script that runs while the HTML is parsed, before the app bundle is even fetched. It asks
// IndexedDB which databases exist, and when ours exists it reads the directory (the home screen's data) in
// one read-only transaction, so the reading overlaps the bundle's load instead of following it.
// renderer/db/open-database.ts takes both answers once and waits for this connection to close before Dexie
// opens (an open connection would block an upgrade). Opening without a version never creates, changes or
// upgrades anything; a database from a newer app version is not read here at all. Plain JavaScript on
// purpose: files in public/ are copied as they are, and a module script would wait for the bundle.
'use strict';
(function () {
  var NAME = 'emergency-desk'; // DATABASE_NAME in renderer/db/schema.ts
  var KNOWN_VERSION = 20; // CURRENT_SCHEMA_VERSION × 10
  var STORES = ['units', 'positions', 'people'];
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  window.edDatabaseProbe = indexedDB.databases();
  window.edEarlyDirectory = window.edDatabaseProbe.then(
    function (list) {
      var found = list.filter(function (info) {
        return info.name === NAME;
      })[0];
      if (!found || found.version > KNOWN_VERSION) return null;
      return new Promise(function (resolve) {
        var request = indexedDB.open(NAME);
        request.onerror = function () {
          resolve(null);
        };
        request.onsuccess = function () {
          var db = request.result;
          var present = STORES.every(function (store) {
            return db.objectStoreNames.contains(store);
          });
          if (!present) {
            db.close();
            resolve(null);
            return;
          }
          var result = {};
          var tx = db.transaction(STORES, 'readonly');
          STORES.forEach(function (store) {
            tx.objectStore(store).getAll().onsuccess = function (event) {
              result[store] = event.target.result;
            };
          });
          tx.oncomplete = function () {
            db.close();
            resolve(result);
          };
          tx.onerror = tx.onabort = function () {
            db.close();
            resolve(null);
          };
        };
      });
    },
    function () {
      return null;
    },
  );
})();
