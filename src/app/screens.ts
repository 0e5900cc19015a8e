/** Every screen but Home: loaded after the first frame is drawn (see routes.tsx), so Home does not wait for them. */
export { CreateScreen } from '../screens/create/CreateScreen.js';
export { InspectScreen } from '../screens/inspect/InspectScreen.js';
export { OnboardScreen } from '../screens/onboard/OnboardScreen.js';
export { InventoryScreen } from '../screens/server-certificates/InventoryScreen.js';
export { AcmImportScreen } from '../screens/acm-import/AcmImportScreen.js';
export { RadarScreen } from '../screens/radar/RadarScreen.js';
export { AcmDetailsScreen } from '../screens/server-certificates/AcmDetailsScreen.js';
export { ServerDetailsScreen } from '../screens/server-certificates/ServerDetailsScreen.js';
export { RotateScreen } from '../screens/rotate/RotateScreen.js';
export { ServerUploadScreen } from '../screens/server-certificates/ServerUploadScreen.js';
export { SigningScreen } from '../screens/signing/SigningScreen.js';
export { SigningUsersScreen } from '../screens/signing/SigningUsersScreen.js';
