import { redirect } from "next/navigation";

// `/` is the careers site.
export default function Home() {
  redirect("/careers");
}
