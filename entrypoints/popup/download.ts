/** Kept for older imports: the export download now lives in utils/export/save.ts (the dashboard uses it too). */
export { downloadExport } from '@/utils/export/save';
