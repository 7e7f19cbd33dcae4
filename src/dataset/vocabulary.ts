/** Word lists the synthetic articles are assembled from. Invented text, no third-party prose. */

export const FIRST_NAMES = [
  'Amira',
  'Omar',
  'Layla',
  'Karim',
  'Nadia',
  'Yusuf',
  'Rania',
  'Tariq',
  'Hana',
  'Samir',
  'Olena',
  'Dmytro',
  'Iryna',
  'Taras',
  'Maria',
  'John',
  'Sarah',
  'David',
  'Emma',
  'Lukas',
  'Claire',
  'Pierre',
  'Anna',
  'Mehmet',
  'Elif',
  'Reza',
  'Shirin',
  'Avi',
  'Noa',
  'Khalid',
  'Fatima',
  'Ali',
  'Zeynep',
  'Ivan',
  'Sofia',
  'Mark',
  'Julia',
  'Hassan',
  'Mona',
  'Peter',
];

export const LAST_NAMES = [
  'Haddad',
  'Khoury',
  'Mansour',
  'Saleh',
  'Nasser',
  'Aziz',
  'Rahman',
  'Farouk',
  'Darwish',
  'Habib',
  'Kovalenko',
  'Shevchenko',
  'Bondarenko',
  'Melnyk',
  'Petrenko',
  'Smith',
  'Miller',
  'Brooks',
  'Hughes',
  'Keller',
  'Dubois',
  'Laurent',
  'Schneider',
  'Wagner',
  'Yilmaz',
  'Demir',
  'Karimi',
  'Tehrani',
  'Levi',
  'Cohen',
  'Barzani',
  'Jaber',
  'Qassem',
  'Sokolov',
  'Volkov',
  'Morgan',
  'Fischer',
  'Hamdan',
  'Obeid',
  'Sayegh',
];

export const MIDDLE_INITIALS = 'ABCDEFGHJKLMNPRSTW'.split('');

/** Institutional speakers named after the place they speak for. */
export const ORG_TEMPLATES: {
  kind: 'ORGANIZATION' | 'GOVERNMENT' | 'MILITARY' | 'MEDIA' | 'GROUP';
  name: string;
}[] = [
  { kind: 'GOVERNMENT', name: 'Governor of {P}' },
  { kind: 'GOVERNMENT', name: '{P} City Council' },
  { kind: 'MILITARY', name: '{P} Military Council' },
  { kind: 'MILITARY', name: '{P} Garrison Command' },
  { kind: 'MEDIA', name: '{P} Media Center' },
  { kind: 'MEDIA', name: '{P} Daily' },
  { kind: 'ORGANIZATION', name: '{P} Relief Committee' },
  { kind: 'ORGANIZATION', name: '{P} Medical Association' },
  { kind: 'GROUP', name: '{P} Residents Union' },
];

export const ROLES = ['spokesperson', 'official', 'analyst', 'commander', 'doctor', 'minister', 'aid worker'];

/** Claim texts; `{P}`/`{Q}` are place mentions, `{N}` a number. */
export const CLAIMS_WITH_PLACES = [
  'fighting near {P} had intensified over the past {N} days',
  '{N} civilians were evacuated from {P} overnight',
  'aid convoys reached {P} for the first time in {N} weeks',
  'the road between {P} and {Q} was closed to traffic',
  'talks about the future of {P} would resume next week',
  'power had been restored to {N} districts of {P}',
  'shelling damaged {N} buildings in {P}',
  'forces had withdrawn from positions east of {P}',
  'prices of bread in {P} rose by {N} percent',
  'a new checkpoint was set up between {P} and {Q}',
];

export const CLAIMS_WITHOUT_PLACES = [
  'no decision had been taken yet',
  'the situation remained difficult',
  'more than {N} people were still missing',
  'the ceasefire was holding for now',
];

export const FILLER = [
  'The report could not be independently verified.',
  'Residents described long queues at bakeries.',
  'Officials gave no timetable.',
  'The statement was posted online in the afternoon.',
  'Talks were expected to continue.',
  'Schools remained closed for a second week.',
];

export const OUTLETS = [
  'Wire Desk',
  'Evening Courier',
  'Border Times',
  'Daily Ledger',
  'Regional Post',
  'Morning Dispatch',
];

export const UNRESOLVED_SPEAKERS = ['he', 'she', 'officials'];
