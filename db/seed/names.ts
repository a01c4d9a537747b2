/**
 * People's names for the demo CRM, by the region of the company's headquarters, so a Munich
 * company's contacts are mostly German names and a Dublin one's mostly Irish and British. Every
 * region also draws from `GLOBAL` (colleagues from everywhere), and the lists are long enough
 * that a page of contacts sorted by last name shows many families, not one name 25 times.
 */
export type NameRegion = "anglo" | "german" | "french" | "dutch" | "nordic" | "iberian" | "polish";

export const REGION_OF_COUNTRY: Record<string, NameRegion> = {
  US: "anglo", GB: "anglo", IE: "anglo", CA: "anglo", AU: "anglo",
  DE: "german", FR: "french", NL: "dutch", SE: "nordic", DK: "nordic", FI: "nordic", ES: "iberian", PL: "polish",
};

/** Share of a company's contacts whose first name comes from GLOBAL rather than its region. */
export const GLOBAL_SHARE = 0.2;

type Pool = { first: readonly string[]; last: readonly string[] };

export const NAMES: Record<NameRegion, Pool> = {
  anglo: {
    first: [
      "James", "Olivia", "Michael", "Emma", "William", "Sophie", "Daniel", "Grace", "Matthew", "Chloe", "Thomas", "Hannah",
      "Christopher", "Emily", "Andrew", "Charlotte", "Ryan", "Megan", "Benjamin", "Lucy", "Jack", "Amelia", "Samuel", "Ella",
      "Joseph", "Abigail", "David", "Rachel", "Patrick", "Siobhan", "Liam", "Niamh", "Connor", "Aoife", "Nathan", "Jessica",
      "Owen", "Lauren", "Dylan", "Katie", "Ethan", "Madison", "Caleb", "Harper", "Logan", "Avery", "Tyler", "Brooke",
      "Alex", "Claire", "Sean", "Fiona", "Mark", "Helen", "Paul", "Anna", "Chris", "Victoria", "Adam", "Natalie",
      "Jordan", "Taylor", "Aaron", "Holly", "Luke", "Zoe", "Rory", "Erin", "Isaac", "Mia", "Noah", "Ruby",
    ],
    last: [
      "Abbott", "Adams", "Allen", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Brooks", "Brown", "Burke", "Butler",
      "Byrne", "Campbell", "Carter", "Clarke", "Coleman", "Collins", "Cook", "Cooper", "Davies", "Doyle", "Edwards", "Ellis",
      "Evans", "Fitzgerald", "Fletcher", "Foster", "Gallagher", "Graham", "Gray", "Griffin", "Hall", "Harris", "Hayes", "Hughes",
      "Hunt", "Jenkins", "Johnson", "Kelly", "Kennedy", "King", "Lynch", "MacDonald", "Marshall", "Matthews", "McCarthy", "Miller",
      "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Nolan", "O'Brien", "O'Connor", "O'Neill", "Owens", "Palmer",
      "Parker", "Pearson", "Phillips", "Powell", "Price", "Quinn", "Reid", "Reynolds", "Richardson", "Roberts", "Robinson", "Russell",
      "Ryan", "Scott", "Shaw", "Simpson", "Smith", "Stewart", "Sullivan", "Taylor", "Thompson", "Turner", "Walker", "Walsh",
      "Ward", "Watson", "Webb", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
      "Armstrong", "Atkinson", "Barker", "Bishop", "Black", "Booth", "Bradley", "Brennan", "Burton", "Carroll", "Chambers", "Chapman",
      "Cole", "Crawford", "Cunningham", "Daly", "Dawson", "Dixon", "Duffy", "Duncan", "Farrell", "Fisher", "Flynn", "Ford",
      "Fraser", "Gibson", "Gordon", "Grant", "Hamilton", "Hart", "Henderson", "Holmes", "Howard", "Hudson", "Jackson", "Jordan",
      "Kavanagh", "Knight", "Lawrence", "Lawson", "Lloyd", "Mason", "McKenzie", "Mills", "Montgomery", "Nash", "Newman", "Nicholson",
      "Osborne", "Perry", "Porter", "Ramsey", "Regan", "Riley", "Rogers", "Ross", "Saunders", "Sharp", "Spencer", "Stone",
      "Sutton", "Tucker", "Wallace", "Warren", "Wells", "West", "Whelan", "Wheeler", "Woods",
    ],
  },
  german: {
    first: ["Lukas", "Anna", "Felix", "Lena", "Jonas", "Lea", "Maximilian", "Hannah", "Paul", "Marie", "Tobias", "Katharina", "Florian", "Julia", "Sebastian", "Johanna", "Matthias", "Sabine", "Stefan", "Franziska"],
    last: [
      "Albrecht", "Bauer", "Becker", "Braun", "Engel", "Fischer", "Frank", "Fuchs", "Graf", "Hahn", "Hartmann", "Hoffmann",
      "Huber", "Jung", "Keller", "Klein", "Koch", "Krause", "Kühn", "Lange", "Lehmann", "Lorenz", "Maier", "Meyer",
      "Müller", "Neumann", "Richter", "Roth", "Schäfer", "Schmidt", "Schneider", "Schulz", "Schwarz", "Vogel", "Wagner", "Weber",
      "Wolf", "Zimmermann",
    ],
  },
  french: {
    first: ["Louis", "Camille", "Hugo", "Léa", "Arthur", "Manon", "Jules", "Chloé", "Théo", "Inès", "Antoine", "Juliette", "Mathieu", "Élodie", "Nicolas", "Margaux"],
    last: [
      "André", "Bernard", "Bertrand", "Blanc", "Bonnet", "Chevalier", "Dubois", "Dufour", "Durand", "Fontaine", "Fournier", "Garnier",
      "Girard", "Lambert", "Laurent", "Lefebvre", "Leroy", "Martin", "Mercier", "Moreau", "Morel", "Petit", "Renaud", "Roux",
      "Simon", "Thomas", "Vincent",
    ],
  },
  dutch: {
    first: ["Daan", "Sanne", "Bram", "Femke", "Thijs", "Lotte", "Ruben", "Anouk", "Jeroen", "Eva", "Sem", "Fleur", "Joost", "Marloes"],
    last: [
      "Bakker", "Bos", "Brouwer", "de Boer", "de Graaf", "de Groot", "de Jong", "de Vries", "Dekker", "Hendriks", "Jansen", "Kok",
      "Meijer", "Mulder", "Peters", "Smit", "van Beek", "van den Berg", "van Dijk", "van Leeuwen", "Visser", "Vos", "Willems",
    ],
  },
  nordic: {
    first: ["Erik", "Ingrid", "Lars", "Astrid", "Mikael", "Freja", "Oskar", "Sofia", "Mads", "Ida", "Anders", "Maja", "Eero", "Aino", "Jussi", "Linnea", "Henrik", "Sigrid"],
    last: [
      "Andersen", "Andersson", "Berg", "Christensen", "Dahl", "Eriksson", "Hansen", "Heikkinen", "Holm", "Jensen", "Johansson", "Karlsson",
      "Korhonen", "Laine", "Larsen", "Lindberg", "Lindqvist", "Lundgren", "Mäkinen", "Nielsen", "Nilsson", "Nyström", "Pedersen", "Persson",
      "Rasmussen", "Sjöberg", "Virtanen",
    ],
  },
  iberian: {
    first: ["Pablo", "Lucía", "Javier", "María", "Alejandro", "Carmen", "Diego", "Paula", "Sergio", "Laura", "Álvaro", "Marta", "Jorge", "Elena"],
    last: [
      "Alonso", "Álvarez", "Blanco", "Castro", "Delgado", "Díaz", "Fernández", "García", "Gómez", "González", "Gutiérrez", "Hernández",
      "Jiménez", "López", "Martín", "Moreno", "Muñoz", "Navarro", "Ortega", "Pérez", "Romero", "Rubio", "Ruiz", "Sánchez",
      "Serrano", "Torres", "Vázquez",
    ],
  },
  polish: {
    first: ["Jakub", "Zuzanna", "Kacper", "Julia", "Mateusz", "Maja", "Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Michał", "Magdalena"],
    last: [
      "Dąbrowski", "Grabowski", "Jankowski", "Kamiński", "Kowalczyk", "Kowalski", "Kozłowski", "Lewandowski", "Mazur", "Nowak", "Nowicki", "Pawlak",
      "Wiśniewski", "Wójcik", "Zieliński",
    ],
  },
};

export const GLOBAL: Pool = {
  first: [
    "Aisha", "Amara", "Arjun", "Chen", "Deepa", "Fatima", "Hiroshi", "Ibrahim", "Jin", "Kwame", "Leila", "Mei",
    "Mohammed", "Nadia", "Omar", "Priya", "Rahul", "Ravi", "Sana", "Tariq", "Wei", "Yuki", "Yusuf", "Zainab",
    "Adebayo", "Chidi", "Kenji", "Min-jun", "Ana", "Mateo", "Rafael", "Valentina", "Isabela", "Gabriel", "Nikolai", "Elif",
  ],
  last: [
    "Abdullah", "Adeyemi", "Agarwal", "Ahmed", "Akhtar", "Ali", "Alvarado", "Banerjee", "Chatterjee", "Chen", "Cohen", "Costa",
    "Das", "Demir", "Desai", "Fernandes", "Gupta", "Haddad", "Hashemi", "Hussain", "Ivanova", "Iyer", "Kaya", "Khan",
    "Kim", "Kumar", "Lee", "Li", "Liu", "Malik", "Mensah", "Mehta", "Mendoza", "Nakamura", "Nguyen", "Nair",
    "Okafor", "Okonkwo", "Oliveira", "Park", "Patel", "Popescu", "Rahman", "Rao", "Reddy", "Reyes", "Rossi", "Sato",
    "Shah", "Sharma", "Silva", "Singh", "Suzuki", "Tanaka", "Tran", "Wang", "Wu", "Yamamoto", "Yilmaz", "Zhang",
    "Abadi", "Adebayo", "Aziz", "Bose", "Castillo", "Choi", "Dlamini", "Eze", "Farah", "Goh", "Huang", "Ito",
    "Jung", "Kapoor", "Kariuki", "Lim", "Mahmoud", "Mwangi", "Ng", "Nwosu", "Osei", "Ozturk", "Pham", "Qureshi",
    "Ramos", "Saleh", "Santos", "Sen", "Takahashi", "Teo", "Varga", "Vu", "Watanabe", "Xu", "Yang", "Zhou",
  ],
};
