/**
 * The time zones of `timeZone` in user/create: the guide's "Currently supported values"
 * (masergy-ucaas-provisioning-api.txt, lines 347-417), kept as its bullet list and in its order,
 * which is also the order `user/available_time_zones` answers them in. The guide spells some zones by
 * their older IANA names (`Asia/Calcutta`, `America/Montreal`, `America/Indianapolis`); only the
 * listed spellings are "supported values", so the current names (`Asia/Kolkata`, ...) are refused.
 */
const GUIDE_BULLETS = `
  • Etc/UTC
  • Europe/London
  • Europe/Paris
  • Europe/Istanbul
  • Asia/Dubai
  • Europe/Moscow
  • Asia/Karachi
  • Asia/Calcutta
  • Asia/Bangkok
  • Asia/Hong_Kong
  • Asia/Manila
  • Australia/Perth
  • Asia/Tokyo
  • Australia/Adelaide
  • Australia/Broken_Hill
  • Australia/Darwin
  • Australia/Brisbane
  • Australia/Hobart
  • Australia/Sydney
  • Australia/Lord_Howe
  • America/St_Johns
  • America/Halifax
  • America/Sao_Paulo
  • America/Montreal
  • America/New_York
  • America/Indianapolis
  • America/Winnipeg
  • America/Chicago
  • America/Edmonton
  • America/Denver
  • America/Vancouver
  • America/Los_Angeles
  • America/Phoenix
  • America/Anchorage
  • Pacific/Honolulu
`;

export const SUPPORTED_TIME_ZONES: readonly string[] = GUIDE_BULLETS.split("•")
  .map((bullet) => bullet.trim())
  .filter(Boolean);
