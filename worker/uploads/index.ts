/** The uploads feature's face: certificate and size-chart uploads to TikTok (mounted by app.ts). */
export { uploadRoutes } from "./routes";
