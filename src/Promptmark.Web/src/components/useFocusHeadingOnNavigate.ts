import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation to another page, moves focus to that page's h1 (once it has rendered), so screen readers
 * start reading at the new page. A heading that stays (the tabs of one prompt share theirs) keeps focus where it was.
 */
export function useFocusHeadingOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef<Element | null>(null);
  const first = useRef(true);

  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const visit = (heading: HTMLElement) => {
      if (first.current || heading === previous.current) {
        first.current = false;
        previous.current = heading;
        return;
      }
      previous.current = heading;
      heading.tabIndex = -1;
      heading.focus();
    };
    const found = root.querySelector('h1');
    if (found) { visit(found); return; }
    const observer = new MutationObserver(() => {
      const heading = root.querySelector('h1');
      if (heading) { observer.disconnect(); visit(heading); }
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, main]);
}
