/** Pure: how long a job has waited, as an operator reads it: "now", "45 s", "3 min", "2 h 5 min", "3 d". */
export function formatWaitingAge(seconds: number): string {
  if (seconds < 1) return "now";
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) {
    const minutes = Math.floor((seconds % 3600) / 60);
    return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
  }
  return `${Math.floor(seconds / 86_400)} d`;
}
