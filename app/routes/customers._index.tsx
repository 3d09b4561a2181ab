import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUserId } from "~/auth/session.server";
import { prisma } from "~/db/db.server";

export const meta: MetaFunction = () => [{ title: "Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const customers = await prisma().customer.findMany({
    where: { userId, deletedAt: null },
    select: { id: true, name: true, status: true },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
  return json({ customers });
}

export default function CustomersPage() {
  const { customers } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Customers</h1>
      {customers.length === 0 ? (
        <p className="text-slate-600">No customers yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {customers.map((customer) => (
            <li key={customer.id} className="flex justify-between px-4 py-3">
              <span>{customer.name}</span>
              <span className="text-sm text-slate-500">{customer.status}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
