// Invented residents: names drawn from the backgrounds found in a southern English borough.
// Equality codes: gender female | male | non_binary | declined; ethnicity as below or declined;
// disability yes | no | declined. Null means not asked.

export interface NameGroup {
  key: string;
  weight: number;
  ethnicity: string;
  female: string[];
  male: string[];
  surnames: string[];
  /** Female forms of surnames where the language has them (Polish). */
  femaleSurname?: (s: string) => string;
}

export const nameGroups: NameGroup[] = [
  {
    key: 'english', weight: 64, ethnicity: 'white_british',
    female: ['Margaret', 'Patricia', 'Susan', 'Linda', 'Janet', 'Christine', 'Barbara', 'Elizabeth', 'Jean', 'Maureen', 'Brenda', 'Pauline', 'Carol', 'Valerie', 'Sheila', 'Doreen', 'Joan', 'Irene', 'Jennifer', 'Sarah', 'Emma', 'Claire', 'Lisa', 'Rebecca', 'Laura', 'Hannah', 'Sophie', 'Chloe', 'Amy', 'Gemma', 'Kelly', 'Nicola', 'Rachel', 'Zoe', 'Megan', 'Jade', 'Stacey', 'Dawn', 'Tracey', 'Julie', 'Hazel', 'Gillian', 'Lesley', 'Wendy', 'Ellie', 'Lucy', 'Charlotte', 'Rosie'],
    male: ['David', 'John', 'Michael', 'Peter', 'Robert', 'Brian', 'Alan', 'Keith', 'Derek', 'Kenneth', 'Colin', 'Roy', 'Terry', 'Graham', 'Stephen', 'Paul', 'Mark', 'Gary', 'Andrew', 'Richard', 'Simon', 'Darren', 'Lee', 'Craig', 'Jamie', 'Liam', 'Ryan', 'Daniel', 'Tom', 'Josh', 'Callum', 'Ben', 'Trevor', 'Malcolm', 'Nigel', 'Barry', 'Kevin', 'Neil', 'Stuart', 'Carl', 'Jack', 'Harry', 'George'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harris', 'Lewis', 'Cooper', 'King', 'Baker', 'Turner', 'Hill', 'Ward', 'Morris', 'Moore', 'Parker', 'Cook', 'Bennett', 'Shaw', 'Fletcher', 'Marsh', 'Holloway', 'Pearce', 'Chapman', 'Barnes', 'Campbell', 'Stewart', 'Robertson', 'Fraser', 'Murray', 'Reid', 'Price', 'Hughes', 'Powell', 'Pritchard', 'Griffiths', 'Llewellyn', 'Lawson', 'Dixon', 'Webb', 'Hewitt', 'Sutton', 'Palmer', 'Gibbs', 'Ashworth'],
  },
  {
    key: 'irish', weight: 3, ethnicity: 'white_irish',
    female: ['Siobhan', 'Mairead', 'Bridget', 'Niamh', 'Aoife', 'Kathleen', 'Mary', 'Roisin'],
    male: ['Seamus', 'Declan', 'Padraig', 'Eamon', 'Sean', 'Liam', 'Connor', 'Brendan'],
    surnames: ['Murphy', 'O\u2019Brien', 'Kelly', 'Byrne', 'Doyle', 'Gallagher', 'O\u2019Connor', 'Brennan', 'Walsh', 'Kavanagh'],
  },
  {
    key: 'polish', weight: 5, ethnicity: 'white_other',
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Anna', 'Ewa', 'Monika', 'Justyna'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Marek', 'Pawe\u0142', 'Jakub', 'Grzegorz', '\u0141ukasz'],
    surnames: ['Kowalski', 'Nowak', 'Wi\u015bniewski', 'W\u00f3jcik', 'Kami\u0144ski', 'Lewandowski', 'Zieli\u0144ski', 'Mazur', 'Krawczyk'],
    femaleSurname: (s) => (s.endsWith('ski') ? `${s.slice(0, -1)}a` : s),
  },
  {
    key: 'ukrainian', weight: 2, ethnicity: 'white_other',
    female: ['Olena', 'Iryna', 'Oksana', 'Yuliia', 'Natalia', 'Tetiana'],
    male: ['Oleksandr', 'Dmytro', 'Andriy', 'Serhiy', 'Mykola', 'Vasyl'],
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko'],
  },
  {
    key: 'indian', weight: 7, ethnicity: 'asian_indian',
    female: ['Priya', 'Anjali', 'Sunita', 'Meera', 'Kavita', 'Harpreet', 'Gurpreet', 'Amandeep', 'Neha', 'Pooja', 'Rajinder', 'Jaspal'],
    male: ['Raj', 'Sanjay', 'Vikram', 'Arjun', 'Rohan', 'Harjit', 'Gurdeep', 'Sukhwinder', 'Amit', 'Deepak', 'Jagdish', 'Kuldip'],
    surnames: ['Patel', 'Sharma', 'Singh', 'Gill', 'Sandhu', 'Dhillon', 'Mistry', 'Shah', 'Joshi', 'Kumar', 'Rao', 'Nair', 'Bains'],
  },
  {
    key: 'pakistani', weight: 4, ethnicity: 'asian_pakistani',
    female: ['Fatima', 'Aisha', 'Ayesha', 'Nadia', 'Samina', 'Shazia', 'Rukhsana', 'Nasreen', 'Sana'],
    male: ['Mohammed', 'Imran', 'Tariq', 'Asif', 'Faisal', 'Bilal', 'Hassan', 'Usman', 'Zubair'],
    surnames: ['Khan', 'Hussain', 'Ahmed', 'Akhtar', 'Iqbal', 'Malik', 'Mahmood', 'Butt', 'Raja'],
  },
  {
    key: 'bangladeshi', weight: 1.5, ethnicity: 'asian_bangladeshi',
    female: ['Farzana', 'Sabina', 'Shirin', 'Rehana', 'Nazma'],
    male: ['Abdul', 'Shahid', 'Jamal', 'Rafiq', 'Kamal'],
    surnames: ['Rahman', 'Begum', 'Chowdhury', 'Ali', 'Miah', 'Uddin'],
  },
  {
    key: 'nepali', weight: 3, ethnicity: 'asian_other',
    female: ['Sita', 'Kamala', 'Bimala', 'Laxmi', 'Sarita', 'Maya'],
    male: ['Bishnu', 'Ram', 'Hari', 'Krishna', 'Dil', 'Bhim'],
    surnames: ['Gurung', 'Rai', 'Limbu', 'Thapa', 'Tamang', 'Magar', 'Shrestha', 'Pun'],
  },
  {
    key: 'chinese', weight: 2, ethnicity: 'asian_chinese',
    female: ['Mei', 'Ling', 'Xiu', 'Wing', 'Yan', 'Hui'],
    male: ['Wei', 'Jun', 'Hao', 'Kin', 'Ming', 'Chun'],
    surnames: ['Wong', 'Chan', 'Li', 'Zhang', 'Chen', 'Liu', 'Lam', 'Cheung'],
  },
  {
    key: 'african', weight: 4, ethnicity: 'black_african',
    female: ['Grace', 'Blessing', 'Chioma', 'Adaeze', 'Abena', 'Ama', 'Comfort', 'Funmi', 'Esther', 'Ngozi'],
    male: ['Kwame', 'Kofi', 'Emeka', 'Chinedu', 'Tunde', 'Segun', 'Samuel', 'Yaw', 'Ifeanyi'],
    surnames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Asante', 'Boateng', 'Owusu', 'Adebayo', 'Nwosu', 'Osei'],
  },
  {
    key: 'caribbean', weight: 2.5, ethnicity: 'black_caribbean',
    female: ['Marcia', 'Beverley', 'Hyacinth', 'Sonia', 'Donna', 'Jacqueline', 'Paulette'],
    male: ['Winston', 'Delroy', 'Errol', 'Leroy', 'Clive', 'Everton', 'Lloyd'],
    surnames: ['Campbell', 'Francis', 'Grant', 'Thomas', 'Henry', 'Clarke', 'Bailey', 'Edwards', 'Spencer'],
  },
  {
    key: 'mixed', weight: 2, ethnicity: 'mixed',
    female: ['Jasmine', 'Maya', 'Leah', 'Aaliyah', 'Tia', 'Naomi'],
    male: ['Marcus', 'Jordan', 'Tyler', 'Isaac', 'Reuben', 'Elijah'],
    surnames: ['Taylor-Brown', 'Williams', 'Johnson', 'Campbell', 'Roberts', 'Khan', 'Patel', 'Morgan'],
  },
];

export const ETHNICITY_CODES = [
  'white_british', 'white_irish', 'white_other', 'mixed', 'asian_indian', 'asian_pakistani', 'asian_bangladeshi',
  'asian_chinese', 'asian_other', 'black_african', 'black_caribbean', 'black_other', 'arab', 'other',
] as const;

/** Staff names (link workers, coordinators, providers). */
export const staffNames: string[] = [
  'Helen Marsh', 'Kamal Hussain', 'Rachel Dunn', 'Ifeoma Eze', 'Joanne Pritchard', 'Marcin Zielinski', 'Sophie Turner',
  'Anita Rai', 'Chris Doyle', 'Laura Benson', 'Yusuf Ahmed', 'Bethany Cole', 'Nina Kowalska', 'Owen Hughes',
  'Deborah Okoro', 'Matt Fielding', 'Sandeep Gill', 'Fiona Reid', 'Alison Webb', 'Tony Fairweather',
  'Gwen Rowley', 'Ruth Abara', 'Pete Lawson', 'Mandy Collins', 'Ravi Mistry', 'Sue Holt', 'Graham Pike',
  'Lorraine Baptiste', 'Kath Bird', 'Dev Sharma', 'Nicola Shaw', 'Eddie Walsh', 'Joy Mensah', 'Trish Oakley',
];
