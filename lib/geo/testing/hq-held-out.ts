import type { Labelled } from "./hq-strings";

/**
 * A second labelled set, written after the tables were completed against HQ_STRINGS and never
 * used to change them: its accuracy is the out-of-sample figure `npm run eval:country` reports
 * beside the first. Same labelling rules as HQ_STRINGS (lib/geo/testing/hq-strings.ts).
 */
export const HELD_OUT: readonly Labelled[] = (
  [
    ["Sunnyvale, CA", "US", "plain"], ["Irvine, California, United States", "US", "plain"], ["Ann Arbor, Michigan", "US", "plain"],
    ["Chapel Hill, NC", "US", "plain"], ["Princeton, New Jersey", "US", "plain"], ["Stamford, CT", "US", "plain"],
    ["Bethesda, MD", "US", "plain"], ["Reston, Virginia", "US", "plain"], ["Madison, WI", "US", "plain"], ["Boise, Idaho", "US", "plain"],
    ["Anchorage, AK", "US", "plain"], ["Honolulu, HI", "US", "plain"], ["Providence, Rhode Island", "US", "plain"], ["Burlington, VT", "US", "plain"],
    ["Omaha, NE", "US", "plain"], ["Des Moines, IA", "US", "plain"], ["Greenwich, Connecticut", "US", "plain"], ["Santa Barbara, CA", "US", "plain"],
    ["Sacramento, California", "US", "plain"], ["Lehi, Utah", "US", "plain"], ["Tampa Bay Area", "US", "plain"], ["Charlotte Metro", "US", "plain"],
    ["Cheltenham, Gloucestershire", "GB", "plain"], ["Cambridge, Cambridgeshire", "GB", "plain"], ["Bath, Somerset", "GB", "plain"],
    ["Newcastle upon Tyne, England", "GB", "plain"], ["Aberdeen, Scotland", "GB", "plain"], ["Swansea, Wales", "GB", "plain"],
    ["Norwich, Norfolk, United Kingdom", "GB", "plain"], ["Leicester, UK", "GB", "plain"], ["Derry, Northern Ireland", "GB", "plain"],
    ["Limerick, Munster, Ireland", "IE", "plain"], ["Waterford", "IE", "plain"], ["Kilkenny, Ireland", "IE", "plain"],
    ["Montpellier, Occitanie", "FR", "plain"], ["Rennes, Bretagne, France", "FR", "plain"], ["Grenoble", "FR", "plain"], ["Lille, Hauts-de-France", "FR", "plain"],
    ["Boulogne-Billancourt", "FR", "plain"], ["Freiburg im Breisgau", "DE", "plain"], ["Potsdam, Brandenburg", "DE", "plain"], ["Mainz, Rheinland-Pfalz", "DE", "plain"],
    ["Heidelberg, Germany", "DE", "plain"], ["Bremen", "DE", "plain"], ["Kiel", "DE", "plain"], ["Herzogenaurach, Bavaria", "DE", "plain"],
    ["Groningen, Netherlands", "NL", "plain"], ["Den Haag", "NL", "plain"], ["Leuven, Belgium", "BE", "plain"], ["Liège, Wallonia", "BE", "plain"],
    ["Bern, Switzerland", "CH", "plain"], ["Lugano, Ticino", "CH", "plain"], ["Salzburg, Austria", "AT", "plain"], ["Linz", "AT", "plain"],
    ["Málaga, Andalucía", "ES", "plain"], ["Zaragoza", "ES", "plain"], ["Palma de Mallorca, Islas Baleares", "ES", "plain"], ["Braga, Portugal", "PT", "plain"],
    ["Bologna, Emilia-Romagna", "IT", "plain"], ["Florence, Tuscany", "IT", "plain"], ["Trento, Italy", "IT", "plain"],
    ["Uppsala, Sweden", "SE", "plain"], ["Trondheim", "NO", "plain"], ["Odense, Denmark", "DK", "plain"], ["Tampere, Finland", "FI", "plain"],
    ["Gdańsk, Pomorskie", "PL", "plain"], ["Poznań, Poland", "PL", "plain"], ["Iași, Romania", "RO", "plain"], ["Thessaloniki", "GR", "plain"],
    ["Nicosia, Cyprus", "CY", "plain"], ["Valletta, Malta", "MT", "plain"], ["Kaunas, Lithuania", "LT", "plain"], ["Minsk, Belarus", "BY", "plain"],
    ["Haifa, Israel", "IL", "plain"], ["Amman, Jordan", "JO", "plain"], ["Beirut, Lebanon", "LB", "plain"], ["Muscat, Oman", "OM", "plain"],
    ["Jeddah", "SA", "plain"], ["Kuwait City, Kuwait", "KW", "plain"], ["Tunis, Tunisia", "TN", "plain"], ["Addis Ababa, Ethiopia", "ET", "plain"],
    ["Durban, KwaZulu-Natal", "ZA", "plain"], ["Abuja, Nigeria", "NG", "plain"], ["Kampala, Uganda", "UG", "plain"],
    ["Ahmedabad, Gujarat", "IN", "plain"], ["Kochi, Kerala", "IN", "plain"], ["Jaipur, Rajasthan, India", "IN", "plain"], ["Lahore", "PK", "plain"],
    ["Kathmandu, Nepal", "NP", "plain"], ["Cebu City, Philippines", "PH", "plain"], ["Da Nang, Vietnam", "VN", "plain"], ["Penang, Malaysia", "MY", "plain"],
    ["Yokohama, Kanagawa", "JP", "plain"], ["Fukuoka, Japan", "JP", "plain"], ["Busan, South Korea", "KR", "plain"], ["Hangzhou, Zhejiang", "CN", "plain"],
    ["Guangzhou, China", "CN", "plain"], ["Hsinchu, Taiwan", "TW", "plain"], ["Gold Coast, Queensland", "AU", "plain"], ["Hobart, TAS", "AU", "plain"],
    ["Christchurch, New Zealand", "NZ", "plain"], ["Winnipeg, Manitoba", "CA", "plain"], ["Edmonton, AB", "CA", "plain"], ["Quebec City, QC", "CA", "plain"],
    ["Kitchener-Waterloo, Ontario", "CA", "plain"], ["Saskatoon, SK", "CA", "plain"], ["Querétaro, México", "MX", "plain"], ["Tijuana, Baja California", "MX", "plain"],
    ["Cali, Colombia", "CO", "plain"], ["Quito, Ecuador", "EC", "plain"], ["Caracas", "VE", "plain"], ["Asunción, Paraguay", "PY", "plain"],
    ["Rosario, Santa Fe, Argentina", "AR", "plain"], ["Curitiba, Paraná", "BR", "plain"], ["Recife, PE, Brasil", "BR", "plain"], ["Panama City, Panama", "PA", "plain"],
    ["Springfield, IL", "US", "tricky"], ["Springfield, MO", "US", "tricky"], ["Columbia, SC", "US", "tricky"], ["Athens, GA", "US", "tricky"],
    ["Athens", "GR", "tricky"], ["Moscow, Idaho", "US", "tricky"], ["Dublin, Ohio", "US", "tricky"], ["Dublin, CA", "US", "tricky"],
    ["Hamilton, Ontario", "CA", "tricky"], ["Hamilton, Bermuda", "BM", "tricky"], ["Richmond, BC", "CA", "tricky"], ["Richmond, VA", "US", "tricky"],
    ["Newcastle, NSW", "AU", "tricky"], ["Wellington, FL", "US", "tricky"], ["Frankfurt (Oder)", "DE", "tricky"], ["Luxembourg City", "LU", "tricky"],
    ["Kuala Lumpur (KL)", "MY", "tricky"], ["Helsingfors", "FI", "tricky"], ["Bayern, Deutschland", "DE", "tricky"], ["Île-de-France", "FR", "tricky"],
    ["Ontario", "CA", "tricky"], ["Québec", "CA", "tricky"], ["Scotland, UK", "GB", "tricky"], ["England", "GB", "tricky"], ["Massachusetts", "US", "tricky"],
    ["Jakarta Selatan, DKI Jakarta", "ID", "tricky"], ["Remote - London", "GB", "tricky"], ["London / Remote", "GB", "tricky"],
    ["Fully remote (worldwide)", null, "null"], ["Remote-friendly", null, "null"], ["Global HQ", null, "null"], ["Internet", null, "null"],
    ["Information Technology & Services", null, "null"], ["Banking", null, "null"], ["Insurance", null, "null"], ["Real Estate", null, "null"],
    ["Staffing and Recruiting", null, "null"], ["Biotechnology Research", null, "null"], ["Higher Education", null, "null"], ["Oil & Energy", null, "null"],
    ["EU", null, "null"], ["Scandinavia", null, "null"], ["Latin America", null, "null"], ["Southeast Asia", null, "null"], ["Not specified", null, "null"],
    ["n.a.", null, "null"], ["?", null, "null"], ["Multiple locations", null, "null"],
    ["Springfield", "US", "plain"], ["Richmond", null, "ambiguous"], ["Hamilton", null, "ambiguous"],
  ] as const
).map(([hq, country, group]) => ({ hq, country, group }));
