// First run on a fresh database: creates a workspace and its admin.
//   npx tsx src/server/cli/create-workspace.ts --workspace acme-it --name "Acme IT" \
//     --admin-email ops@acme.example --admin-name "Ops Admin" [--admin-password ...]
// Each flag can come from the environment instead: SWITCHBOARD_WORKSPACE, SWITCHBOARD_WORKSPACE_NAME,
// SWITCHBOARD_ADMIN_EMAIL, SWITCHBOARD_ADMIN_NAME, SWITCHBOARD_ADMIN_PASSWORD. Without a password,
// one is generated and printed once. Uses DATABASE_URL, else PGlite in SWITCHBOARD_DATA_DIR
// (stop the server first: an embedded database has one user at a time).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createWorkspace, validSlug } from '../accounts/workspaces';
import { readConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/open-database';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password': { type: 'string' },
  },
});

const env = process.env;
const slug = (values.workspace ?? env.SWITCHBOARD_WORKSPACE ?? '').trim().toLowerCase();
const email = (values['admin-email'] ?? env.SWITCHBOARD_ADMIN_EMAIL ?? '').trim();
const problems = [
  !validSlug(slug) && '--workspace: lowercase letters, digits and dashes, e.g. acme-it',
  !/^[^@\s]+@[^@\s]+$/.test(email) && "--admin-email: the admin's email address",
].filter(Boolean);
if (problems.length > 0) {
  console.error(`Cannot create the workspace:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}
const generated = !(values['admin-password'] ?? env.SWITCHBOARD_ADMIN_PASSWORD);
const password = values['admin-password'] ?? env.SWITCHBOARD_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
if (password.length < 10) {
  console.error('The admin password must have at least 10 characters.');
  process.exit(2);
}

const config = readConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  const { workspace } = await createWorkspace(database.db, {
    slug,
    name: values.name ?? env.SWITCHBOARD_WORKSPACE_NAME ?? slug,
    admin: { name: values['admin-name'] ?? env.SWITCHBOARD_ADMIN_NAME ?? 'Administrator', email, password },
  });
  console.log(`Created workspace "${workspace.slug}" (${workspace.name}) with admin ${email.toLowerCase()}.`);
  if (generated) console.log(`Admin password (shown once, change it after signing in): ${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
