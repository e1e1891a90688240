// Real IndexedDB semantics in Node for Dexie tests.
import 'fake-indexeddb/auto';
