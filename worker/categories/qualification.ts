/** Seller Center's Qualification Center, where sellers apply for invite-only categories. */
export const QUALIFICATION_URL = "https://seller.tiktokshop.com/qualification-center";
