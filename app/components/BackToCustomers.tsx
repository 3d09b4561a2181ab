import { Link } from "@remix-run/react";

/** The way back to the list from every page below it. */
export function BackToCustomers() {
  return (
    <Link to="/customers" className="text-sm text-indigo-700 underline">
      ← Customers
    </Link>
  );
}
