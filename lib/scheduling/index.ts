export type {
  AvailabilityInput,
  AvailabilityMethod,
  AvailabilityResult,
  ChooseHostResult,
  EngineParticipant,
  HostDecision,
  Interval,
  OpenHours,
  ParticipantStatus,
  SkipReason,
  TimeSlot,
} from "./types";
export { computeAvailability } from "./compute-availability";
export { chooseHost } from "./choose-host";
export { isParticipantFree } from "./is-participant-free";
export { rankParticipants } from "./round-robin";
export { mergeIntervals } from "./intervals";
export { listOpenWindows, parseTimeOfDay, type OpenWindow } from "./open-hours";
export { convertLocalTimeToInstant, getTimeZoneOffset } from "./zoned-time";
export {
  firstAvailabilityWindow,
  isAvailabilityPrefill,
  prefillScriptText,
  schedulerStateFromPrefill,
  type TAvailabilityPrefill,
  type TPrefillSlot,
  type TSchedulerStatePrefill,
} from "./scheduler-prefill";
