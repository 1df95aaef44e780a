/**
 * Words for the seeded world's fictional businesses and people. Generic words only, so the
 * generated names (`bluebird-bakery.com`, `harbor-dental.net`) read like small local businesses
 * without naming a real company; forwarding addresses use the reserved example.* domains.
 */
export const NAME_FIRST_WORDS = [
  "bluebird", "harbor", "maple", "cedar", "willow", "copper", "granite", "meadow", "summit", "riverbend",
  "lakeside", "oakridge", "pinecrest", "silverline", "sunrise", "northwind", "redwood", "stonebridge", "brightwater", "evergreen",
  "foxglove", "goldfinch", "hillside", "ironwood", "juniper", "kestrel", "lantern", "marigold", "nightingale", "orchard",
  "pebble", "quarry", "rosewood", "saffron", "thistle", "upland", "valley", "wildflower", "bramble", "zephyr",
  "amber", "birch", "coral", "driftwood", "elmstreet", "fernhill", "glacier", "heron", "indigo", "jasper",
  "kettle", "lark", "magnolia", "nutmeg", "olive", "poppy", "quill", "raven", "sparrow", "tidewater",
] as const;

export const NAME_SECOND_WORDS = [
  "bakery", "dental", "plumbing", "florist", "law", "realty", "cafe", "bookshop", "fitness", "vet",
  "auto", "roofing", "tailors", "pottery", "yoga", "studio", "builders", "catering", "clinic", "optics",
  "pharmacy", "print", "salon", "garage", "nursery", "brewing", "farm", "photo", "travel", "tutoring",
  "accounting", "insurance", "design", "electric", "landscaping", "cleaning", "movers", "kennels", "framing", "bikes",
] as const;

export const NAME_TLDS = ["com", "net", "org", "co", "biz", "us"] as const;

export const PERSON_FIRST_NAMES = [
  "maria", "james", "aisha", "tom", "li", "sofia", "omar", "grace", "noah", "elena",
  "raj", "hannah", "diego", "yuki", "sam", "fatima", "leo", "chloe", "ben", "priya",
  "lucas", "mia", "owen", "zara", "ivan", "nora", "felix", "amara", "hugo", "ruth",
] as const;

export const PERSON_LAST_NAMES = [
  "lopez", "doe", "khan", "baker", "chen", "rossi", "haddad", "okafor", "miller", "petrova",
  "patel", "schmidt", "garcia", "tanaka", "reed", "ali", "moreau", "walsh", "cohen", "iyer",
  "silva", "berg", "hughes", "ahmed", "novak", "lund", "weber", "mensah", "blanc", "adler",
] as const;

/** Shared mailboxes small businesses keep, with the display name each gets. */
export const ROLE_MAILBOXES = [
  ["info", "Info Desk"],
  ["sales", "Sales Team"],
  ["office", "Front Office"],
  ["billing", "Billing"],
  ["bookings", "Bookings"],
  ["orders", "Orders"],
  ["hello", "Hello"],
  ["support", "Customer Support"],
] as const;

export const OUTSIDE_MAIL_DOMAINS = ["example.net", "example.org", "example.com"] as const;
