// Text placed in a mail's HTML part (or the mail catcher's page) as text, never as markup.
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
