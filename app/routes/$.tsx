import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";

// Any unknown page: a real 404 status with a friendly page.
export function loader() {
  return json(null, { status: 404 });
}

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-600">We could not find the page you were looking for.</p>
      <Link to="/customers" className="inline-block font-medium text-indigo-700 underline">
        Back to customers
      </Link>
    </div>
  );
}
