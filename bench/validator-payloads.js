// The CreateCustomer payloads bench/validators.js times, and the verdict each validator must reach
// on each. Payloads arrive as JSON, so each one is a JSON round trip (which also keeps objects out
// of V8's slow dictionary mode after a `delete`).
const json = (value) => JSON.parse(JSON.stringify(value));

/** One element in each array but productCollections, two dates and a /Date()/ one. */
const oneOfEach = json({
  privacyPolicyAcceptanceStorage: true,
  tvPrivacyPolicyAcceptanceStorage: null,
  title: 'Mrs.',
  firstName: 'Giulia',
  lastName: 'Rossi',
  canBeContactedByMaison: true,
  clientType: 'PRIVATE',
  languageId: 'ita',
  gender: 'F',
  countryId: 'it',
  birthDate: '1985-04-12T00:00:00',
  posCode: 'ES100:102048',
  brand: 'CAR',
  weddingDate: '/Date(1579305600000+0100)/',
  preferredContactMethod: 'EMail',
  contactByEmailFlag: true,
  contactBySMSFlag: false,
  saleRepresentativeEmail: 'rauf.aliyev@richemont.com',
  allowStoreDataAbroad: false,
  emails: [
    { email: 'giulia.rossi@example.com', isMainEmail: true },
    { email: 'g.rossi@example.org', isMainEmail: false },
  ],
  phones: [{ phone: '3331234567', countryPrefix: 'it', phoneType: 'Mobile', isMainPhone: true }],
  addresses: [{ addressType: 'Home', countryId: 'it', city: 'Milano', zipCode: '20121', street: 'Via Montenapoleone 1', isMainAddress: true }],
  events: [{ eventType: 'Birthday', eventDate: '2021-01-20' }],
  interests: [{ interest: 'Watches', sapInterestId: 'CA-1' }],
  hobbies: [{ hobby: 'Art', sapHobbyId: 'ART' }],
  dataSharingConsent: true,
  registrationDate: '2024-05-01T10:15:30.123Z',
});

const times = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const pad = (n) => String(n).padStart(2, '0');

/** Six arrays of several elements, six events with dates of every accepted form. */
const sixArrays = json({
  ...oneOfEach,
  emails: times(4, (i) => ({ email: `giulia.rossi${i}@example.com`, isMainEmail: i === 0 })),
  phones: times(3, (i) => ({ phone: `33312345${pad(i)}`, countryPrefix: 'it', phoneType: i ? 'Home' : 'Mobile', isMainPhone: i === 0 })),
  addresses: times(3, (i) => ({
    addressType: ['Home', 'Office', 'Shipping'][i],
    countryId: 'it',
    city: 'Milano',
    zipCode: `2012${i}`,
    street: `Via Montenapoleone ${i + 1}`,
    street2: 'Scala B',
    isMainAddress: i === 0,
  })),
  events: times(6, (i) => ({
    eventType: 'Anniversary',
    eventDate: [`2021-01-${pad(i + 10)}`, `2021-02-${pad(i + 1)}T09:30:00`, '2022-03-04T10:15:30.5+01:00', '/Date(1579305600000)/'][i % 4],
    eventNotes: `note ${i}`,
  })),
  interests: times(4, (i) => ({ interest: `Interest ${i}`, sapInterestId: `CA-${i}` })),
  hobbies: times(4, (i) => ({ hobby: `Hobby ${i}`, sapHobbyId: `H${i}` })),
});

/** Several problems that every validator sees: wrong types in array elements, a required member missing. */
const typeErrors = structuredClone(oneOfEach);
typeErrors.emails[1].isMainEmail = 'no';
delete typeErrors.addresses[0].countryId;
typeErrors.phones[0].isMainPhone = 1;
typeErrors.birthDate = '1985-13-12';
delete typeErrors.lastName;

/** Only our own checks: a month 13, and a rule broken (lastName missing while clientType is PRIVATE). */
const badDate = { ...sixArrays, birthDate: '1985-13-12' };
const ruleBroken = { ...sixArrays };
delete ruleBroken.lastName;

/**
 * `valid`: the verdict of ours, ajv and zod (which check what we check); `typia`: typia's, which
 * checks types only: no date format, no conditional rules, and no `null` for an optional member
 * whose type does not say `| null` (ServiceStack omits nulls; we accept them); `rules`: typia's
 * over declarations with our date patterns and nullable members (bench/typia.js), where it differs
 * from `valid`: it misses only the conditional rules.
 */
export const PAYLOADS = [
  { name: 'one of each (valid)', payload: oneOfEach, valid: true, typia: true, timed: true },
  { name: 'six arrays (valid)', payload: sixArrays, valid: true, typia: true, timed: true },
  { name: 'type errors (invalid)', payload: json(typeErrors), valid: false, typia: false, timed: true },
  { name: 'bad date (invalid)', payload: json(badDate), valid: false, typia: true, timed: false },
  { name: 'rule broken (invalid)', payload: json(ruleBroken), valid: false, typia: true, rules: true, timed: false },
  { name: 'optional null (valid)', payload: json({ ...oneOfEach, firstName: null }), valid: true, typia: false, timed: false },
];
