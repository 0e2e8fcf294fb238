/**
 * A modal dialog: focus moves into it, Tab stays inside, Escape cancels, and
 * focus returns to what opened it.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

type Props = { title: string; onClose: () => void; children: ComponentChildren; actions: ComponentChildren };

const FOCUSABLE =
	"button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

export function Modal({ title, onClose, children, actions }: Props) {
	const box = useRef<HTMLDivElement>(null);
	const titleId = useRef(`modal-${Math.random().toString(36).slice(2, 8)}`).current;
	useEffect(() => {
		const opener = document.activeElement as HTMLElement | null;
		const first = box.current?.querySelector<HTMLElement>(FOCUSABLE);
		(first ?? box.current)?.focus();
		return () => opener?.focus?.();
	}, []);
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "Escape") {
			event.preventDefault();
			onClose();
			return;
		}
		if (event.key !== "Tab" || !box.current) return;
		const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
		if (!items.length) return;
		const [first, last] = [items[0], items[items.length - 1]];
		if (event.shiftKey && document.activeElement === first) {
			event.preventDefault();
			last.focus();
		} else if (!event.shiftKey && document.activeElement === last) {
			event.preventDefault();
			first.focus();
		}
	};
	return (
		<div class="overlay">
			<div class="modal card" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={box} tabIndex={-1} onKeyDown={onKeyDown}>
				<h2 id={titleId}>{title}</h2>
				<div class="modal-body">{children}</div>
				<div class="modal-actions">{actions}</div>
			</div>
		</div>
	);
}
