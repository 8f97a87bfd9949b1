/**
 * Properties the public tenant and service answers carry about a participant's termination (§ 3 (3)): the portal
 * shows `closedMessage` instead of the form when `acceptsSubmissions` is false.
 */
export const PARTICIPANT_STATUS_PROPERTIES = {
  acceptsSubmissions: { type: 'boolean', description: 'False from the day after the end date: submissions answer 410 PARTICIPANT_TERMINATED.' },
  endsOn: { type: ['string', 'null'], format: 'date', description: "The participant's end date after a termination notice (31 December), else null." },
  closedMessage: { type: ['string', 'null'], description: 'German notice for citizens while submissions are closed, else null.' },
} as const;
