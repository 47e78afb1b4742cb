// Words people and staff write in the records: in the person's own voice where it is theirs.

export const whatMatters: string[] = [
  'Getting out of the house more. I haven\u2019t really spoken to anyone properly since my wife died last spring.',
  'I want to feel like myself again and not be so anxious all the time.',
  'Being able to look after my husband without falling apart myself.',
  'Sorting out my money so I can stop worrying about the bills every night.',
  'Making some friends locally. We moved here for my husband\u2019s job and I don\u2019t know anyone.',
  'Getting fitter after my heart operation, but I don\u2019t want to go to a gym.',
  'Keeping my home. The landlord has given us notice and I don\u2019t know where to start.',
  'Finding something to do with my days now that I\u2019ve retired.',
  'My mum has dementia and I need some time for me, and to know what help there is.',
  'Having enough food for the kids until my Universal Credit comes through.',
  'I used to love singing and I miss it. I\u2019d like to find a choir that isn\u2019t too serious.',
  'Getting back to work, but I\u2019m worried my back won\u2019t cope with a full-time job.',
  'Learning to use my tablet so I can video call my grandchildren in Canada.',
  'I want to be less lonely in the evenings. The weekends are the worst.',
  'Feeling safe and warm at home this winter.',
  'Getting my confidence back after my stroke so I can go out on my own again.',
  'Meeting other people who understand what it\u2019s like to care for someone.',
  'I want to do something useful with my time, maybe volunteering.',
  'Being able to get to my hospital appointments without relying on my neighbour.',
  'Improving my English so I can talk to the doctor and my children\u2019s teachers.',
  'To be able to go for a walk without getting out of breath.',
  'Finding a group for my son, who is autistic, where he can make friends.',
  'I just want someone to talk to now and then.',
  'Getting some help with the garden and the house so I can stay living here.',
  'Coming to terms with losing my son. People don\u2019t know what to say to me.',
  'Stopping the debt letters. I can\u2019t open the post any more.',
  'Something to get me out of bed in the morning.',
  'Looking after my diabetes better and losing some weight.',
  'Having a reason to get dressed and go out, like I used to with the church group.',
  'Getting help with my PIP form. I\u2019ve been turned down once already.',
  'I\u2019d like to paint again. I used to be quite good.',
  'Finding a toddler group where I won\u2019t feel judged. I\u2019m finding being a new mum really hard.',
  'Getting back into football now I\u2019m older, something gentle.',
  'Feeling part of the community again after years of shift work.',
  'Not having to choose between heating and eating.',
];

export const strengths: string[] = [
  'Good sense of humour; keen gardener until last year.',
  'Close to her daughter, who rings most days. Enjoys crosswords.',
  'Very organised; used to run the office at a local firm.',
  'Loves music, especially Motown. Plays the piano a little.',
  'Wants to make changes and has already cut down on smoking.',
  'Good with his hands; spent 30 years as a carpenter.',
  'Knows lots of people at the mosque and is respected there.',
  'Determined and resourceful; has coped with a lot on her own.',
  'Enjoys walking the dog, who gets him out twice a day.',
  'Speaks three languages and used to work as a teacher.',
  'Friendly and chatty once she gets to know people.',
  'Caring: looks after her grandchildren two days a week.',
  'Has a car and is happy to drive short distances.',
  'Good at baking; used to make cakes for the school fair.',
  'Online already and confident with a smartphone.',
  'Strong faith and a supportive neighbour next door.',
  'Interested in local history and used to volunteer at the museum.',
  'Patient and calm; good listener.',
  'Used to be very sporty and wants to get back to it.',
  'Honest about how she is feeling and willing to try things.',
];

export const goals: string[] = [
  'Go to one social group a week by the end of next month.',
  'Get a benefits check done and apply for anything missing.',
  'Try the walking group twice and see how it feels.',
  'Have a carer\u2019s assessment and a plan for a regular break.',
  'Get the debt letters dealt with and set up a budget.',
  'Be able to video call family without help.',
  'Feel less anxious when leaving the house (from 8 to 5 out of 10).',
  'Find a volunteering role one morning a week.',
  'Make one new friend locally.',
  'Get to the memory café with mum once a month.',
  'Keep the tenancy and agree a plan with the landlord.',
  'Start the strength and balance class and keep going for 12 weeks.',
  'Join a choir or singing group.',
  'Have enough food in the house every week.',
  'Get back into part-time work within six months.',
  'Attend the bereavement café and see if it helps.',
  'Sleep better and feel more rested.',
  'Be able to get to appointments independently.',
];

export const actions: string[] = [
  'Referred to {service}; will ring next week to see how the first session went.',
  'Gave details of {service}. Person will go along with their neighbour.',
  'Agreed to try {service}. I will meet them there for the first visit.',
  'Sent referral to {service} with consent. Discussed travel: bus route 7 stops outside.',
  'Person to call {service} themselves; I will follow up if they have not heard back.',
  'Booked a place at {service}. Printed the details and the map for them.',
  'Talked through options; person wants to think about {service} before deciding.',
  'Followed up on {service}: attending and enjoying it. Talked about next steps.',
  'Made a food bank voucher and referred to money advice.',
  'Helped to fill in the Attendance Allowance form together.',
  'Talked through what a good week would look like. Will look for groups nearby before we next speak.',
  'Person feeling low this week; agreed to take things slowly and speak again soon.',
  'Checked how things are going; no new referrals needed for now.',
];

export const ragReasons: Record<'red' | 'amber' | 'green', string[]> = {
  red: [
    'No money for food or gas this week; pre-payment meter run out.',
    'Eviction date next week and nowhere to go.',
    'Recently bereaved, lives alone, not eating, daughter worried.',
    'Carer at breaking point, says they cannot go on.',
    'Discharged from hospital yesterday with no support at home.',
  ],
  amber: [
    'Isolated since a fall; health getting worse.',
    'Several money worries and rising rent arrears.',
    'Carer for partner with dementia, struggling with sleep.',
    'Low mood for months, stopped going out.',
    'Long-term conditions and increasingly housebound.',
    'New to the area with a young baby and no support network.',
  ],
  green: [
    'Would like to find social activities locally.',
    'Wants to get more active after retiring.',
    'Looking for volunteering to build confidence.',
    'Would like a group for people with the same condition.',
    'Wants help to get online.',
    'Looking for a choir or creative group.',
    'Recently moved and wants to meet people.',
  ],
};

export const outcomeNotes: Record<string, string[]> = {
  signposted_first_contact: ['Gave information about local groups; no further support needed.', 'Signposted to groups nearby; happy to contact them directly.'],
  settled_community_support: ['Attending groups regularly and feels more settled.', 'Now going to two groups a week; knows to get back in touch if needed.', 'Connected to support and confident to carry on.'],
  declined_support: ['Decided not to take up support at this time.', 'Feels things are better; did not want to try groups.'],
  moved_away: ['Moved to live near family in another area; given details of the local service there.'],
  could_not_contact: ['Three attempts by phone and a letter; no reply.', 'Number not recognised and no reply to letter.'],
  referred_statutory: ['Referred to adult social care for an assessment.', 'Referred to the community mental health team via GP.', 'Referred to housing options as homeless.'],
  other: ['Case closed on request.', 'Now supported by another service.'],
};

export const referralMessages: string[] = [
  'Hello, I would like to refer {first}, who would love to join your group. They are a bit nervous about the first visit; could someone look out for them?',
  'Referring {first} with their consent. They have recently lost their partner and would like some company. Best to phone in the morning.',
  '{first} is keen to come along. They use a walking stick and will need a seat near the door.',
  'Please could you contact {first} to arrange a start date? Happy to talk if you have any questions.',
  '{first} would like to try a session. Their English is limited; their son can help on the phone.',
  'Referral for {first}, who is a carer and needs some time for themselves. Thank you.',
  '{first} was given your details at the GP surgery and asked me to refer them.',
];

export const declineNotes: Record<string, string[]> = {
  full: ['Sorry, we are full at the moment and cannot take new members.', 'No spaces until the new year.'],
  not_eligible: ['This group is for people aged 60 and over.', 'We can only take referrals from the cardiac team.'],
  not_suitable: ['The group is not able to support someone with this level of need.', 'We think a one-to-one service would suit them better.'],
  could_not_contact: ['We rang three times and left messages but could not get hold of them.'],
  other: ['The group is closing for the summer.', 'We are reviewing how we take referrals.'],
};

export const unmetNotes: Record<string, string[]> = {
  no_service: ['Nothing like this in the borough.', 'No group for younger adults with this condition.', 'No evening option for working carers.', 'No autism social group for adults.', 'No counselling in Nepali.'],
  full: ['Waiting list of four months.', 'Group full, no date for spaces.', 'Waiting list closed to new referrals.'],
  too_far: ['Nearest group is two buses away.', 'Nothing in the south of the borough.', 'No transport to get there.'],
  cost: ['Cannot afford the weekly fee.', 'Membership fee too much on Universal Credit.'],
  not_accessible: ['Venue has steps and no lift.', 'No hearing loop.', 'No BSL interpreter available.'],
  not_eligible: ['Only for over-60s; person is 52.', 'Only for people registered with one practice.'],
  wrong_times: ['Only runs in the day; person works.', 'Only meets on weekday mornings; person has school run.'],
  other: ['Person would rather a one-to-one service.'],
};

export const safeguardingSummaries: { to: 'adults' | 'children'; text: string }[] = [
  { to: 'adults', text: 'Person disclosed that a family member takes their pension each week and they are left without money for food.' },
  { to: 'adults', text: 'Signs of self-neglect: house very cold, little food, not taking medication. Person agreed to a referral.' },
  { to: 'adults', text: 'Person described being pushed by their partner and is frightened to go home.' },
  { to: 'adults', text: 'Concern about a neighbour who has moved in and is controlling the person\u2019s money and visitors.' },
  { to: 'adults', text: 'Person said they have thought about ending their life; GP and crisis team informed the same day.' },
  { to: 'children', text: 'Parent disclosed that the children are often left alone overnight. Discussed with the coordinator and referred.' },
  { to: 'children', text: 'Young carer missing a lot of school and caring for a parent late into the night.' },
];

export const contactNotes: string[] = [
  'Hard of hearing: please text first.',
  'Prefers calls after 10am.',
  'Daughter helps with calls; she is happy to be contacted.',
  'Please do not leave voicemail.',
  'Speaks Punjabi; son interprets.',
  'Works shifts; evenings are best.',
];

export const searchTerms: string[] = [
  'walking', 'walking group', 'lonely', 'dementia', 'dementia carers', 'carers', 'debt', 'money advice', 'food bank',
  'chair yoga', 'yoga', 'lunch club', 'befriending', 'bereavement', 'choir', 'singing', 'men\u2019s shed', 'toddler',
  'toddler group', 'benefits', 'housing', 'digital', 'computer help', 'job club', 'volunteering', 'art', 'knitting',
  'stroke', 'diabetes', 'anxiety', 'mental health', 'exercise', 'swimming', 'transport', 'warm space', 'esol',
  'english classes', 'youth club', 'parkinsons', 'memory cafe', 'tai chi', 'football', 'gardening', 'cancer support',
  'older people', 'pantry', 'counselling', 'free food', 'carers cafe', '',
];

export const zeroResultTerms: string[] = [
  'autism social group adults', 'sign language cafe evening', 'polish speaking counselling', 'evening carers group',
  'wheelchair basketball', 'menopause support group', 'gambling support', 'hoarding help', 'swimming lessons adults free',
  'grief group for young widows', 'nepali counselling', 'weekend lunch club', 'male carers group', 'adhd adults support',
  'sunday dementia cafe', 'pilates free', 'ukulele beginners evening', 'chess club', 'photography course free',
  'eating disorder support',
];

export const problemReports: string[] = [
  'The phone number on this listing does not work.',
  'This group stopped meeting in the spring, I think.',
  'The times are wrong, it is now on Thursdays not Tuesdays.',
  'The venue has moved to the library.',
  'They now charge £5 a session, not £3.',
  'Website link goes to a page that does not exist.',
];

export const correctionNotes: string[] = [
  'Corrected the date of the conversation.',
  'Wellbeing scores were entered in the wrong order.',
  'Added what matters, left out in error.',
];
