import { Icon } from "./icons/Icon";

/** Why the server refused the last try (a 409), where the user is looking. */
export function RefusalAlert({ message, className = "" }: { message: string; className?: string }) {
  return (
    <p role="alert" className={`flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 ${className}`}>
      <Icon name="alert-triangle" className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{message}</span>
    </p>
  );
}
