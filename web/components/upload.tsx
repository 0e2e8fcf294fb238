/**
 * Uploads one file to TikTok through the app (/api/uploads/image or /file) and
 * reports what TikTok returned; the input stays usable with the keyboard and
 * shows progress and TikTok's refusal in place.
 */
import { useState } from "preact/hooks";
import { type ApiError, asApiError, messageAt, upload } from "../lib/api";
import { FieldError } from "./field";

export type UploadedImage = { uri: string; url: string; width: number; height: number };
export type UploadedFile = { id: string; name: string };

type Props<T> = {
	id: string;
	label: string;
	kind: "image" | "file";
	useCase?: string;
	onUploaded: (result: T, file: File) => void;
	required?: boolean;
};

export function UploadInput<T extends UploadedImage | UploadedFile>({ id, label, kind, useCase, onUploaded, required }: Props<T>) {
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<ApiError | null>(null);
	const onFile = async (input: HTMLInputElement) => {
		const file = input.files?.[0];
		if (!file) return;
		setBusy(true);
		setError(null);
		try {
			const result = await upload<T>(kind === "image" ? "/api/uploads/image" : "/api/uploads/file", file, useCase ? { useCase } : {});
			onUploaded(result, file);
			input.value = "";
		} catch (e) {
			setError(asApiError(e));
		} finally {
			setBusy(false);
		}
	};
	const message = error ? (messageAt(error.issues, "file") ?? error.message) : undefined;
	return (
		<div class="upload">
			<label for={id}>{label}</label>
			<input
				id={id}
				type="file"
				accept={kind === "image" ? "image/png,image/jpeg,image/webp" : "application/pdf"}
				disabled={busy}
				aria-required={required ? "true" : undefined}
				aria-describedby={message ? `${id}-error` : undefined}
				onChange={(e) => void onFile(e.currentTarget)}
			/>
			{busy && (
				<span role="status" class="muted">
					<span class="spinner" aria-hidden="true" /> Uploading to TikTok…
				</span>
			)}
			<FieldError id={id} message={message} />
		</div>
	);
}
