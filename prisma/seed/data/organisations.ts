// The groups and providers of Eastbrook. Services are given as template keys:
//   'lunch_club'          one, at the organisation's home venue
//   'lunch_club*3'        three, spread over wards
//   'lunch_club@Fernhill|Redlands'   one in each named ward
//   'event:Christmas Day Lunch'      with that name

export type OrgKind = 'charity' | 'council' | 'nhs' | 'faith' | 'cic' | 'group' | 'club' | 'housing' | 'trust';

export interface OrgDef {
  key: string;
  name: string;
  kind: OrgKind;
  description: string;
  /** A venue key (data/geography namedVenues), 'cc:<ward>' (community centre), 'church:<ward>', or 'own:<name>@<ward>'. */
  home: string;
  services: string[];
  pending?: boolean;
}

export const organisations: OrgDef[] = [
  {
    key: 'age-well', name: 'Eastbrook Age Well', kind: 'charity', home: 'own:Age Well Centre@Fernhill',
    description: 'Local independent charity supporting older people in Eastbrook to live well and stay connected: lunch clubs, befriending, exercise, digital help and support after a hospital stay.',
    services: ['lunch_club@Fernhill|Kingsmead|Oakridge|Willowbank', 'phone_befriending', 'home_befriending', 'chair_yoga@Fernhill|Heathfield', 'digital_dropin', 'hospital_home', 'tea_dance', 'strength_balance@Larkswood', 'hearing_support', 'volunteer_role', 'digital_dropin@Oakridge'],
  },
  {
    key: 'carers', name: 'Eastbrook Carers Partnership', kind: 'charity', home: 'brookside-centre',
    description: 'Information, advice and a listening ear for unpaid carers of all ages in Eastbrook, including young carers and people caring for someone with dementia.',
    services: ['carers_cafe@Eastbrook Central|Stonecross|Carrow Vale', 'carers_advice', 'carers_advice', 'young_carers', 'dementia_singing@Priory Fields'],
  },
  {
    key: 'money', name: 'Eastbrook Money Advice', kind: 'charity', home: 'brookside-centre',
    description: 'Free, confidential and independent advice on debt, benefits and money worries, from advisers accredited to the Advice Quality Standard.',
    services: ['debt_advice', 'benefits_dropin@Eastbrook Central|Kingsmead|Redlands', 'energy_advice'],
  },
  {
    key: 'foodbank', name: 'Eastbrook Food Bank', kind: 'charity', home: 'central-baptist',
    description: 'Emergency food and support for local people in crisis, run by volunteers from churches and community groups across Eastbrook.',
    services: ['food_bank@Eastbrook Central|Kingsmead|Heathfield'],
  },
  {
    key: 'pantry', name: 'Brookside Community Pantry CIC', kind: 'cic', home: 'kingsmead-hub',
    description: 'Community interest company running membership food pantries that cut the cost of the weekly shop and reduce food waste.',
    services: ['pantry@Kingsmead|Heathfield', 'cook_and_eat@Kingsmead'],
  },
  {
    key: 'mind', name: 'Eastbrook Mind and Wellbeing', kind: 'charity', home: 'own:Wellbeing House@Eastbrook Central',
    description: 'Mental health charity offering peer support, courses and creative groups for adults, and an evening safe haven.',
    services: ['mens_peer_support@Eastbrook Central|Heathfield', 'womens_circle', 'art_wellbeing', 'crisis_cafe', 'anxiety_course'],
  },
  {
    key: 'recovery-college', name: 'Eastbrook Recovery and Wellbeing College', kind: 'nhs', home: 'eastbrook-college',
    description: 'Free courses about mental health and wellbeing, co-produced and co-delivered by people with lived experience and NHS staff.',
    services: ['anxiety_course*3'],
  },
  {
    key: 'talking-therapies', name: 'NHS Eastbrook Talking Therapies', kind: 'nhs', home: 'community-hospital',
    description: 'The NHS service for common mental health problems in Eastbrook.',
    services: ['talking_therapies'],
  },
  {
    key: 'bereavement', name: 'Eastbrook Bereavement Support', kind: 'charity', home: 'fernhill-united',
    description: 'Volunteer-led charity supporting adults and children after the death of someone close.',
    services: ['bereavement_group@Fernhill|Eastbrook Central|Willowbank', 'bereavement_counselling'],
  },
  {
    key: 'hospice', name: 'Forest Edge Hospice', kind: 'charity', home: 'own:Forest Edge Hospice@Elmstead',
    description: 'Specialist palliative care for people with a life-limiting illness, with support for their families before and after death.',
    services: ['bereavement_group', 'bereavement_counselling', 'cancer_support'],
  },
  {
    key: 'shed', name: 'Eastbrook Men\u2019s Shed', kind: 'charity', home: 'own:The Shed, Brickfield Works@Redlands',
    description: 'Community workshops where people share skills, make things and look after each other.',
    services: ['mens_shed@Redlands|Moorcroft'],
  },
  {
    key: 'disability-forum', name: 'Eastbrook Disability Forum', kind: 'charity', home: 'brookside-centre',
    description: 'Run by and for disabled people: advice, social clubs, travel training and a voice for disabled residents.',
    services: ['disability_social@Eastbrook Central|Larkswood', 'travel_training', 'autism_family'],
  },
  {
    key: 'wheels', name: 'Wheels for Everyone Eastbrook', kind: 'charity', home: 'willowbank-lakes',
    description: 'Inclusive cycling sessions with adapted bikes for disabled people of all ages.',
    services: ['inclusive_cycling'],
  },
  {
    key: 'deaf-club', name: 'Eastbrook Deaf Club', kind: 'club', home: 'town-hall',
    description: 'Social club for the Deaf community and BSL users since 1962.',
    services: ['deaf_club'],
  },
  {
    key: 'sight-loss', name: 'Eastbrook Sight Loss Group', kind: 'charity', home: 'central-library',
    description: 'Peer support and practical help for people living with sight loss.',
    services: ['sight_loss', 'sight_loss@Heathfield'],
  },
  {
    key: 'transport', name: 'Eastbrook Community Transport', kind: 'charity', home: 'own:Community Transport Depot@Stonecross',
    description: 'Accessible transport for people who find it hard to use buses and trains: dial-a-ride minibuses and volunteer car schemes.',
    services: ['dial_a_ride', 'volunteer_cars', 'volunteer_role:Volunteer Drivers Wanted'],
  },
  {
    key: 'volunteer-centre', name: 'Eastbrook Volunteer Centre', kind: 'charity', home: 'brookside-centre',
    description: 'Helping people find volunteering that suits them, and helping local groups recruit and support volunteers.',
    services: ['volunteer_centre', 'volunteer_centre@Kingsmead', 'volunteer_role'],
  },
  {
    key: 'digital-buddies', name: 'Eastbrook Digital Buddies', kind: 'charity', home: 'central-library',
    description: 'Patient, friendly volunteers helping people of all ages to get online and stay safe.',
    services: ['digital_dropin@Eastbrook Central|Heathfield|Willowbank|Elmstead', 'device_lending'],
  },
  {
    key: 'libraries', name: 'Eastbrook Libraries', kind: 'council', home: 'central-library',
    description: 'Eastbrook Borough Council\u2019s library service: books, computers, wi-fi, activities for all ages and help to get online.',
    services: ['rhyme_time@Eastbrook Central|Kingsmead|Oakridge|Larkswood', 'reading_group@Priory Fields|Heathfield', 'digital_dropin@Kingsmead|Priory Fields', 'homework_club@Kingsmead', 'reading_group:Large Print Book Club@Oakridge'],
  },
  {
    key: 'adult-learning', name: 'Eastbrook Adult Learning', kind: 'council', home: 'eastbrook-college',
    description: 'Part-time courses for adults across the borough, many free for people on a low income.',
    services: ['adult_learning*4', 'esol@Kingsmead|Eastbrook Central', 'cook_and_eat@Redlands'],
  },
  {
    key: 'housing-options', name: 'Eastbrook Borough Council Housing Options', kind: 'council', home: 'town-hall',
    description: 'The council\u2019s service for people who are homeless or at risk of homelessness.',
    services: ['housing_advice'],
  },
  {
    key: 'brookside-homes', name: 'Brookside Homes', kind: 'housing', home: 'own:Brookside Homes Office@Kingsmead',
    description: 'Housing association with around 7,000 homes in Eastbrook, offering tenancy and money support to its residents.',
    services: ['tenancy_support', 'job_club@Kingsmead', 'energy_advice'],
  },
  {
    key: 'homeless-action', name: 'Eastbrook Homeless Action', kind: 'charity', home: 'central-baptist',
    description: 'Day centre, advice and meals for people who are homeless or vulnerably housed.',
    services: ['day_centre', 'community_meal', 'housing_advice:Renters\u2019 Advice Clinic'],
  },
  {
    key: 'family-hubs', name: 'Eastbrook Family Hubs', kind: 'council', home: 'kingsmead-hub',
    description: 'The council\u2019s family hubs: help and activities for families with children and young people aged 0 to 19 (25 with special educational needs).',
    services: ['parent_toddler@Kingsmead|Redlands', 'baby_group@Kingsmead|Redlands', 'family_support', 'holiday_activities', 'dads_group@Redlands'],
  },
  {
    key: 'youth-service', name: 'Eastbrook Youth Service', kind: 'council', home: 'town-hall',
    description: 'Youth clubs, detached youth work and activities for young people aged 11 to 19.',
    services: ['youth_club@Kingsmead|Heathfield|Redlands'],
  },
  {
    key: 'leisure', name: 'Eastbrook Leisure', kind: 'trust', home: 'leisure-centre',
    description: 'Not-for-profit leisure trust running the borough\u2019s leisure centre and pool.',
    services: ['swim', 'swim@Heathfield', 'strength_balance', 'walking_football'],
  },
  {
    key: 'active', name: 'Active Eastbrook', kind: 'council', home: 'town-hall',
    description: 'The council\u2019s sport and physical activity team: health walks, activity for people with long-term conditions and support for local clubs.',
    services: ['health_walk@Fernhill|Priory Fields|Willowbank|Larkswood|Elmstead|Eastbrook Central|Ashcombe|Hollybush|Northwood End|Carrow Vale', 'nordic_walking@Moorcroft', 'strength_balance@Heathfield'],
  },
  {
    key: 'striders', name: 'Eastbrook Striders', kind: 'club', home: 'priory-pavilion',
    description: 'Friendly running club for all abilities.',
    services: ['couch_to_5k'],
  },
  {
    key: 'walking-football', name: 'Eastbrook Walking Football Club', kind: 'club', home: 'larkswood-sports',
    description: 'Walking football for over-50s, and for anyone recovering from illness.',
    services: ['walking_football'],
  },
  {
    key: 'dementia-alliance', name: 'Eastbrook Dementia Action Alliance', kind: 'charity', home: 'community-hospital',
    description: 'Working to make Eastbrook a dementia-friendly place to live, with memory cafés and singing groups across the borough.',
    services: ['dementia_cafe@Eastbrook Central|Willowbank|Carrow Vale', 'dementia_singing'],
  },
  {
    key: 'stroke', name: 'Eastbrook Stroke Club', kind: 'group', home: 'cc:Fernhill',
    description: 'Stroke survivors and their families supporting each other since 1988.',
    services: ['stroke_club'],
  },
  {
    key: 'breathing', name: 'Better Breathing Eastbrook', kind: 'group', home: 'church:Priory Fields',
    description: 'Peer support and singing for people living with lung conditions.',
    services: ['breathing_group', 'breathing_group@Heathfield'],
  },
  { key: 'diabetes', name: 'Eastbrook Diabetes Support Group', kind: 'group', home: 'community-hospital', description: 'Volunteer-run group for people living with diabetes.', services: ['diabetes_group'] },
  { key: 'parkinsons', name: 'Eastbrook Parkinson\u2019s Group', kind: 'group', home: 'cc:Larkswood', description: 'Support, exercise and friendship for people affected by Parkinson\u2019s.', services: ['parkinsons_group'] },
  { key: 'cancer', name: 'Eastbrook Cancer Support Network', kind: 'charity', home: 'own:The Haven@Eastbrook Central', description: 'Support for anyone affected by cancer.', services: ['cancer_support'] },
  { key: 'long-covid', name: 'Eastbrook Long COVID Group', kind: 'group', home: 'cc:Oakridge', description: 'Online peer support group.', services: ['long_covid'] },
  { key: 'heart', name: 'Heart to Heart Eastbrook', kind: 'charity', home: 'leisure-centre', description: 'Cardiac support group and phase 4 exercise.', services: ['cardiac_group'] },
  { key: 'choir', name: 'Eastbrook Community Choir', kind: 'group', home: 'stonecross-methodist', description: 'No-audition community choir.', services: ['community_choir'] },
  {
    key: 'arts', name: 'Eastbrook Arts Collective', kind: 'cic', home: 'own:The Print Room@Eastbrook Central',
    description: 'Artists running creative sessions for wellbeing in community venues.',
    services: ['art_wellbeing@Redlands', 'craft_group', 'drama_group', 'drama_group:Writing for Wellbeing'],
  },
  { key: 'later-life', name: 'Eastbrook Learning in Later Life', kind: 'charity', home: 'cc:Priory Fields', description: 'Self-help learning groups for people no longer in full-time work.', services: ['later_life_learning*4'] },
  { key: 'job-club', name: 'Eastbrook Job Club', kind: 'charity', home: 'central-library', description: 'Volunteers helping people into work.', services: ['job_club', 'job_club@Heathfield', 'cv_workshop', 'cv_workshop:Jobs Fair'] },
  { key: 'works', name: 'Eastbrook Works', kind: 'charity', home: 'business-centre', description: 'Employment support for people with health conditions and disabilities.', services: ['employment_support', 'employment_support:Into Work Coaching'] },
  { key: 'polish', name: 'Eastbrook Polish Community Association', kind: 'charity', home: 'cc:Stonecross', description: 'Stowarzyszenie Polskie: social, cultural and advice activities for the Polish community.', services: ['cultural_elders', 'esol'] },
  { key: 'nepali', name: 'Eastbrook Nepali Community Association', kind: 'charity', home: 'cc:Heathfield', description: 'Supporting Nepali and Gurkha families in Eastbrook.', services: ['cultural_elders', 'womens_circle'] },
  { key: 'caribbean', name: 'Eastbrook African Caribbean Elders', kind: 'group', home: 'cc:Eastbrook Central', description: 'Lunch, dominoes and friendship for African and Caribbean elders.', services: ['cultural_elders'] },
  { key: 'chinese', name: 'Eastbrook Chinese Community Association', kind: 'charity', home: 'cc:Fernhill', description: 'Activities and support for the Chinese and Hong Kong communities.', services: ['cultural_elders', 'tai_chi'] },
  { key: 'ukrainian', name: 'Eastbrook Ukrainian Welcome', kind: 'group', home: 'church:Stonecross', description: 'Support for Ukrainian families settling in Eastbrook.', services: ['refugee_welcome', 'esol'] },
  { key: 'refugee', name: 'Eastbrook Refugee Welcome', kind: 'charity', home: 'church:Eastbrook Central', description: 'Welcome, friendship and practical help for refugees and people seeking asylum.', services: ['refugee_welcome'] },
  { key: 'gurdwara', name: 'Guru Nanak Gurdwara Eastbrook', kind: 'faith', home: 'gurdwara', description: 'Sikh place of worship, open to all.', services: ['langar', 'cultural_elders'] },
  { key: 'mosque', name: 'Eastbrook Mosque and Community Centre', kind: 'faith', home: 'mosque', description: 'Mosque and community centre serving the whole community.', services: ['womens_circle:Sisters\u2019 Coffee Morning', 'community_meal', 'youth_club'] },
  { key: 'mandir', name: 'Shree Krishna Mandir', kind: 'faith', home: 'mandir', description: 'Hindu temple and community centre.', services: ['cultural_elders', 'chair_yoga'] },
  { key: 'rainbow', name: 'Eastbrook Rainbow Network', kind: 'group', home: 'old-forge-cafe', description: 'Social and support network for LGBTQ+ people in Eastbrook.', services: ['lgbt_social'] },
  { key: 'conservation', name: 'Eastbrook Conservation Volunteers', kind: 'charity', home: 'willowbank-lakes', description: 'Practical conservation volunteering in parks and nature reserves.', services: ['green_gym', 'green_gym@Elmstead'] },
  { key: 'allotments', name: 'Hollybush Allotment Society', kind: 'group', home: 'hollybush-allotments', description: 'Allotment society with a community plot open to all.', services: ['community_garden'] },
  { key: 'redlands-garden', name: 'Redlands Community Garden', kind: 'cic', home: 'redlands-community-garden', description: 'Community growing space on the Redlands estate.', services: ['community_garden', 'cook_and_eat'] },
  { key: 'repair', name: 'Eastbrook Repair Café', kind: 'group', home: 'cc:Willowbank', description: 'Volunteer fixers keeping things out of landfill.', services: ['repair_cafe', 'repair_cafe@Heathfield'] },
  { key: 'parent-network', name: 'Eastbrook Parent Network', kind: 'charity', home: 'cc:Priory Fields', description: 'Peer support for parents, including parents of children with SEND.', services: ['autism_family', 'baby_group'] },
  { key: 'connectors', name: 'Eastbrook Community Connectors', kind: 'council', home: 'brookside-centre', description: 'The borough\u2019s community connector (link worker) service, helping people find what matters to them locally.', services: ['talking_cafe', 'talking_cafe@Redlands'] },
  { key: 'old-forge', name: 'The Old Forge Community Café CIC', kind: 'cic', home: 'old-forge-cafe', description: 'A pay-as-you-can community café and meeting place.', services: ['community_cafe', 'warm_space', 'craft_group'] },
  { key: 'events', name: 'Eastbrook Community Events Partnership', kind: 'group', home: 'town-hall', description: 'Volunteers organising free community events throughout the year.', services: ['event*4'] },
  { key: 'rotary', name: 'Rotary Club of Eastbrook', kind: 'club', home: 'cc:Ashcombe', description: 'Service club supporting local causes.', services: ['event:Christmas Day Lunch', 'volunteer_role'] },
  { key: 'warm-spaces', name: 'Eastbrook Warm Spaces Network', kind: 'group', home: 'brookside-centre', description: 'Churches, libraries and community centres offering warm welcoming spaces in winter.', services: ['warm_space@Kingsmead|Heathfield|Redlands'] },
  { key: 'family-friends', name: 'Eastbrook Family Friends', kind: 'charity', home: 'cc:Heathfield', description: 'Trained volunteers supporting families with young children at home.', services: ['family_support:Family Support Service'] },
  { key: 'good-neighbours', name: 'Elmstead and Moorcroft Good Neighbours', kind: 'group', home: 'elmstead-village-hall', description: 'Neighbours helping neighbours in the southern villages.', services: ['volunteer_cars:Good Neighbour Lifts', 'home_befriending'] },
  { key: 'community-kitchen', name: 'Kingsmead Community Kitchen', kind: 'cic', home: 'own:The Community Kitchen@Kingsmead', description: 'A community kitchen cooking with surplus food and teaching cooking skills.', services: ['community_meal', 'cook_and_eat', 'community_fridge', 'holiday_activities'] },
  { key: 'foodshare', name: 'Eastbrook Foodshare', kind: 'charity', home: 'church:Larkswood', description: 'Rescuing surplus food from local shops and sharing it through community fridges.', services: ['community_fridge@Larkswood|Stonecross|Oakridge|Willowbank'] },
  { key: 'housing-advice', name: 'Eastbrook Housing Advice Centre', kind: 'charity', home: 'brookside-centre', description: 'Independent housing advice and tenancy support.', services: ['housing_advice', 'housing_advice@Heathfield|Kingsmead', 'tenancy_support'] },
  { key: 'ramblers', name: 'Eastbrook Rambling Club', kind: 'club', home: 'cc:Moorcroft', description: 'Walks in the countryside around Eastbrook every week.', services: ['health_walk:Short Walks for Beginners', 'nordic_walking'] },
  { key: 'scouts', name: 'Eastbrook District Scouts', kind: 'charity', home: 'northwood-scout-hut', description: 'Scouting for young people aged 6 to 18 across Eastbrook.', services: ['volunteer_role:Volunteer Leaders Wanted', 'youth_club:Explorer Scouts'] },
  { key: 'swimming', name: 'Eastbrook Swimming Club', kind: 'club', home: 'heathfield-pool', description: 'Swimming club for all ages and abilities.', services: ['swim:Adult Improvers Swim'] },
  { key: 'radio', name: 'Brook FM Community Radio', kind: 'cic', home: 'business-centre', description: 'Community radio station run by volunteers.', services: ['volunteer_role:Community Radio Volunteers'] },
  // New groups waiting for a coordinator to approve their first listings.
  { key: 'sewing-circle', name: 'Kingsmead Sewing Circle', kind: 'group', home: 'kingsmead-hub', description: 'A new sewing and mending group on the Kingsmead estate.', services: ['craft_group:Make and Mend'], pending: true },
  { key: 'mums-running', name: 'Eastbrook Mums on the Run', kind: 'group', home: 'priory-pavilion', description: 'A new running group for mums, buggies welcome.', services: ['couch_to_5k:Run Together'], pending: true },
  { key: 'board-games', name: 'Redlands Board Games Café', kind: 'group', home: 'cc:Redlands', description: 'Board games and a cuppa every week.', services: ['community_cafe'], pending: true },
];

export interface PlaceOrgKind {
  key: string;
  name: string;
  kind: OrgKind;
  home: 'cc' | 'church' | 'park' | 'hall' | 'methodist';
  description: string;
  /** Template keys; `take` of them are chosen. */
  pool: string[];
  take: [number, number];
  /** Probability the ward has one (community associations and churches always do). */
  p: number;
}

// Small local groups found in most wards.
export const placeOrgKinds: PlaceOrgKind[] = [
  { key: 'ca', name: '{ward} Community Association', kind: 'charity', home: 'cc', p: 1, take: [3, 5], description: 'Runs {ward} Community Centre for local residents, with activities for all ages most days of the week.', pool: ['community_cafe', 'parent_toddler', 'chair_yoga', 'knit_natter', 'youth_club', 'lunch_club', 'tea_dance', 'craft_group', 'tai_chi', 'bowls', 'digital_dropin', 'community_choir', 'event'] },
  { key: 'church', name: "St {saint}\u2019s Church, {ward}", kind: 'faith', home: 'church', p: 1, take: [2, 4], description: 'Parish church serving {ward}. Everyone is welcome at our community activities, whatever their faith.', pool: ['lunch_club', 'parent_toddler', 'community_cafe', 'bereavement_group', 'community_fridge', 'carers_cafe', 'knit_natter', 'warm_space', 'community_meal', 'event'] },
  { key: 'residents', name: '{ward} Residents\u2019 Association', kind: 'group', home: 'cc', p: 0.6, take: [1, 3], description: 'Volunteers working to make {ward} a friendlier, greener place to live.', pool: ['community_cafe', 'event', 'repair_cafe', 'community_fridge'] },
  { key: 'friends-park', name: 'Friends of {ward} Park', kind: 'group', home: 'park', p: 0.55, take: [1, 2], description: 'Looking after the park and organising activities in it.', pool: ['health_walk', 'green_gym', 'event'] },
  { key: 'bowls', name: '{ward} Bowls Club', kind: 'club', home: 'park', p: 0.35, take: [1, 1], description: 'Friendly bowls club, new members always welcome.', pool: ['bowls'] },
  { key: 'guild', name: '{ward} Women\u2019s Guild', kind: 'group', home: 'hall', p: 0.4, take: [1, 2], description: 'Friendship, talks, crafts and outings for women of all ages.', pool: ['knit_natter', 'craft_group', 'event'] },
  { key: 'gardening', name: '{ward} Gardening Club', kind: 'group', home: 'hall', p: 0.35, take: [1, 1], description: 'Talks, plant sales and garden visits.', pool: ['community_garden'] },
  { key: 'methodist', name: '{ward} Methodist Church', kind: 'faith', home: 'methodist', p: 0.4, take: [1, 2], description: 'A welcoming church family at the heart of {ward}.', pool: ['parent_toddler', 'lunch_club', 'community_cafe', 'carers_cafe', 'youth_club'] },
  { key: 'over60s', name: '{ward} Over-60s Club', kind: 'group', home: 'hall', p: 0.45, take: [1, 3], description: 'Social club for older residents, meeting for over forty years.', pool: ['lunch_club', 'tea_dance', 'chair_yoga', 'bowls'] },
  { key: 'singers', name: '{ward} Singers', kind: 'group', home: 'church', p: 0.3, take: [1, 1], description: 'A friendly community choir.', pool: ['community_choir'] },
  { key: 'toddlers', name: '{ward} Toddler Group', kind: 'group', home: 'hall', p: 0.35, take: [1, 1], description: 'Parent-run toddler group.', pool: ['parent_toddler'] },
];
