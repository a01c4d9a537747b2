/**
 * First-level subdivisions whose names or postal codes appear in HQ strings on their own, written
 * by hand (names as their governments write them, plus the usual English forms). Each row:
 * [code or null, name, ...other names]. The resolver weighs them in lib/geo/gazetteer.ts.
 */
export type SubdivisionRow = readonly [code: string | null, name: string, ...aliases: string[]];

/** The 50 states and the District of Columbia, with their USPS codes. */
export const US_STATES: readonly SubdivisionRow[] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"],
  ["CO", "Colorado"], ["CT", "Connecticut"], ["DE", "Delaware"], ["FL", "Florida"], ["GA", "Georgia"],
  ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"],
  ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana"], ["ME", "Maine"], ["MD", "Maryland"],
  ["MA", "Massachusetts"], ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"], ["MO", "Missouri"],
  ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"], ["NJ", "New Jersey"],
  ["NM", "New Mexico"], ["NY", "New York", "New York State"], ["NC", "North Carolina"], ["ND", "North Dakota"], ["OH", "Ohio"],
  ["OK", "Oklahoma"], ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"], ["SC", "South Carolina"],
  ["SD", "South Dakota"], ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"],
  ["VA", "Virginia"], ["WA", "Washington", "Washington State"], ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"],
  ["DC", "District of Columbia", "Washington DC", "Washington D.C."],
];

/** Provinces and territories of Canada, with Canada Post codes. */
export const CA_PROVINCES: readonly SubdivisionRow[] = [
  ["AB", "Alberta"], ["BC", "British Columbia", "Colombie-Britannique"], ["MB", "Manitoba"], ["NB", "New Brunswick", "Nouveau-Brunswick"],
  ["NL", "Newfoundland and Labrador", "Newfoundland"], ["NS", "Nova Scotia", "Nouvelle-Écosse"], ["NT", "Northwest Territories"], ["NU", "Nunavut"],
  ["ON", "Ontario"], ["PE", "Prince Edward Island", "PEI"], ["QC", "Quebec", "Québec", "Province of Quebec"], ["SK", "Saskatchewan"], ["YT", "Yukon"],
];

/** States and territories of Australia, with their abbreviations. */
export const AU_STATES: readonly SubdivisionRow[] = [
  ["NSW", "New South Wales"], ["VIC", "Victoria"], ["QLD", "Queensland"], ["WA", "Western Australia"],
  ["SA", "South Australia"], ["TAS", "Tasmania"], ["ACT", "Australian Capital Territory"], ["NT", "Northern Territory"],
];

/** The four nations of the United Kingdom and the English regions (ITL 1). */
export const GB_REGIONS: readonly SubdivisionRow[] = [
  [null, "England"], [null, "Scotland"], [null, "Wales", "Cymru"], [null, "Northern Ireland"],
  [null, "Greater London", "London"], [null, "North East England"], [null, "North West England"],
  [null, "Yorkshire and the Humber", "Yorkshire"], [null, "East Midlands"], [null, "West Midlands"], [null, "East of England", "East Anglia"],
  [null, "South East England"], [null, "South West England"], [null, "Home Counties"],
];

/** Ceremonial counties of England, principal areas of Scotland and Wales, counties of Northern Ireland. */
export const GB_COUNTIES: readonly string[] = [
  "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall", "Cumbria", "Derbyshire", "Devon",
  "Dorset", "County Durham", "East Riding of Yorkshire", "East Sussex", "Essex", "Gloucestershire", "Greater Manchester", "Hampshire",
  "Herefordshire", "Hertfordshire", "Isle of Wight", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Middlesex",
  "Norfolk", "North Yorkshire", "Northamptonshire", "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire",
  "Somerset", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Tyne and Wear", "Warwickshire", "West Sussex", "West Yorkshire",
  "Wiltshire", "Worcestershire", "Aberdeenshire", "Highland", "Scottish Highlands", "Fife", "Lothian", "Midlothian", "East Lothian",
  "West Lothian", "Lanarkshire", "North Lanarkshire", "South Lanarkshire", "Ayrshire", "Perthshire", "Argyll and Bute", "Dumfries and Galloway",
  "Scottish Borders", "Stirlingshire", "Renfrewshire", "Gwynedd", "Powys", "Pembrokeshire", "Carmarthenshire", "Glamorgan",
  "Vale of Glamorgan", "Monmouthshire", "Ceredigion", "Conwy", "Denbighshire", "Flintshire", "Anglesey", "County Antrim",
  "County Down", "County Armagh", "County Tyrone", "County Fermanagh", "County Londonderry",
];

/** Provinces of Ireland (Ulster spans both sides of the border) and its 26 counties. */
export const IE_PROVINCES: readonly string[] = ["Leinster", "Munster", "Connacht", "Connaught"];
export const SPLIT_PROVINCES: readonly (readonly [name: string, countries: readonly string[]])[] = [["Ulster", ["IE", "GB"]]];
export const IE_COUNTIES: readonly string[] = [
  "Carlow", "Cavan", "Clare", "County Cork", "Donegal", "County Dublin", "Galway", "Kerry", "Kildare", "Kilkenny", "Laois",
  "Leitrim", "County Limerick", "Longford", "Louth", "Mayo", "Meath", "Monaghan", "Offaly", "Roscommon", "Sligo",
  "Tipperary", "Waterford", "Westmeath", "Wexford", "Wicklow",
];
