// IndexedDB for happy-dom: fake-indexeddb gives every test file a real, in-memory IDB.
import 'fake-indexeddb/auto';
