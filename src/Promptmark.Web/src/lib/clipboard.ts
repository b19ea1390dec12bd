import { notifications } from '@mantine/notifications';

/** Copies text and says so (falls back to a hidden textarea where the async clipboard is unavailable). */
export async function copyText(text: string, what = 'Copied to the clipboard') {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
    } else {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    notifications.show({ color: 'teal', message: what, autoClose: 2000 });
  } catch {
    notifications.show({ color: 'red', message: 'Could not copy: your browser refused access to the clipboard.' });
  }
}
