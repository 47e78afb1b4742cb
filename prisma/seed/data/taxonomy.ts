// The local needs taxonomy: the themes link workers record and residents search by.

export const TAXONOMY_NAME = 'Eastbrook needs';

export interface ThemeDef {
  code: string;
  name: string;
  description: string;
  synonyms: string[];
}

export const themes: ThemeDef[] = [
  {
    code: 'loneliness-and-isolation',
    name: 'Loneliness and isolation',
    description: 'Meeting people, making friends and feeling part of the community: social groups, befriending, clubs and cafés.',
    synonyms: ['lonely', 'loneliness', 'isolated', 'alone', 'on my own', 'friends', 'company', 'social', 'befriending', 'meet people', 'chat'],
  },
  {
    code: 'mental-wellbeing',
    name: 'Mental wellbeing',
    description: 'Feeling better in yourself: peer support, talking groups, courses on managing stress and low mood, creative and outdoor activities.',
    synonyms: ['mental health', 'anxiety', 'anxious', 'depression', 'low mood', 'stress', 'worried', 'panic', 'wellbeing', 'confidence', 'talking', 'counselling'],
  },
  {
    code: 'physical-activity',
    name: 'Physical activity',
    description: 'Gentle and not so gentle ways to move more: walking groups, chair exercise, dance, sport for all abilities.',
    synonyms: ['exercise', 'fitness', 'walking', 'walk', 'sport', 'yoga', 'keep fit', 'dance', 'swimming', 'active', 'football', 'tai chi', 'gym'],
  },
  {
    code: 'money-and-debt',
    name: 'Money and debt',
    description: 'Help with debts, benefits, bills and budgeting, including energy costs and emergency grants.',
    synonyms: ['money', 'debt', 'debts', 'benefits', 'universal credit', 'bills', 'budget', 'rent arrears', 'cost of living', 'pip', 'energy bills', 'grant'],
  },
  {
    code: 'housing',
    name: 'Housing',
    description: 'Advice and support to find, keep or improve a home, including homelessness and tenancy support.',
    synonyms: ['housing', 'homeless', 'eviction', 'landlord', 'tenancy', 'rent', 'repairs', 'damp', 'home', 'sofa surfing'],
  },
  {
    code: 'carers',
    name: 'Carers',
    description: 'Support for people who look after a family member or friend: breaks, cafés, advice and carers\u2019 assessments.',
    synonyms: ['carer', 'caring', 'looking after', 'young carer', 'respite', 'break', 'caring for mum', 'caring for dad', 'caring for partner'],
  },
  {
    code: 'food',
    name: 'Food',
    description: 'Food banks, community pantries and fridges, lunch clubs, shared meals and cooking on a budget.',
    synonyms: ['food', 'food bank', 'foodbank', 'hungry', 'meals', 'lunch', 'pantry', 'cooking', 'dinner', 'free food'],
  },
  {
    code: 'learning-and-skills',
    name: 'Learning and skills',
    description: 'Courses, classes and groups to learn something new, improve English or brush up on maths.',
    synonyms: ['learning', 'course', 'class', 'english', 'esol', 'maths', 'skills', 'qualification', 'language', 'study'],
  },
  {
    code: 'volunteering',
    name: 'Volunteering',
    description: 'Ways to give time to local groups, gain experience and meet people.',
    synonyms: ['volunteer', 'volunteering', 'help out', 'give back', 'charity work', 'get involved'],
  },
  {
    code: 'long-term-conditions',
    name: 'Long-term conditions',
    description: 'Support groups and activities for people living with a health condition, such as diabetes, COPD, stroke, cancer, dementia or Parkinson\u2019s.',
    synonyms: ['dementia', 'alzheimers', 'diabetes', 'copd', 'stroke', 'cancer', 'parkinsons', 'arthritis', 'heart', 'long covid', 'chronic pain', 'memory'],
  },
  {
    code: 'bereavement',
    name: 'Bereavement',
    description: 'Support after someone has died: groups, cafés and one-to-one bereavement support.',
    synonyms: ['bereaved', 'bereavement', 'grief', 'loss', 'death', 'widow', 'widower', 'lost my husband', 'lost my wife'],
  },
  {
    code: 'families',
    name: 'Families',
    description: 'Groups and help for parents, children and young people: toddler groups, family support, youth clubs.',
    synonyms: ['family', 'parents', 'children', 'kids', 'toddler', 'baby', 'mum', 'dad', 'youth', 'teenager', 'parenting'],
  },
  {
    code: 'older-people',
    name: 'Older people',
    description: 'Activities, clubs and help at home for people in later life.',
    synonyms: ['older', 'elderly', 'pensioner', 'retired', 'over 60s', 'over 50s', 'seniors', 'later life', 'falls'],
  },
  {
    code: 'disability',
    name: 'Disability',
    description: 'Groups, activities and advice for disabled people and people with learning disabilities, sensory loss or autism.',
    synonyms: ['disabled', 'disability', 'learning disability', 'autism', 'autistic', 'deaf', 'hearing loss', 'blind', 'sight loss', 'wheelchair', 'bsl'],
  },
  {
    code: 'employment',
    name: 'Employment',
    description: 'Help to find work, stay in work or get back to work, including job clubs and CV support.',
    synonyms: ['job', 'jobs', 'work', 'employment', 'cv', 'unemployed', 'interview', 'career', 'back to work'],
  },
  {
    code: 'digital-skills',
    name: 'Digital skills',
    description: 'Help to get online and use phones, tablets and computers with confidence, and to borrow a device or data.',
    synonyms: ['computer', 'internet', 'online', 'digital', 'smartphone', 'tablet', 'ipad', 'email', 'wifi', 'laptop', 'get online'],
  },
  {
    code: 'arts-and-creativity',
    name: 'Arts and creativity',
    description: 'Singing, music, art, crafts, writing and drama for pleasure and wellbeing.',
    synonyms: ['art', 'arts', 'craft', 'crafts', 'singing', 'choir', 'music', 'painting', 'knitting', 'drama', 'writing', 'creative'],
  },
  {
    code: 'getting-about',
    name: 'Getting about',
    description: 'Community transport, volunteer drivers and help to travel independently.',
    synonyms: ['transport', 'travel', 'lift', 'bus', 'driver', 'dial a ride', 'getting out', 'taxi', 'mobility'],
  },
];
