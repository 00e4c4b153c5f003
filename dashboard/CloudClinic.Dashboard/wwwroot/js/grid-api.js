// HTTP calls of the grid page (GET /api/grid/work, POST /api/grid/tasks/{id}/close).
import { getJson, postJson } from "./api.js";

export function gridWork(grid) {
  return getJson(`api/grid/work${grid ? `?grid=${encodeURIComponent(grid)}` : ""}`);
}

export function closeTask(taskId, outcome, note) {
  return postJson(`api/grid/tasks/${encodeURIComponent(taskId)}/close`, { outcome, note: note || null });
}
