import { redirect } from "next/navigation";
import { PATHS } from "@/lib/routes";

// `/` is the careers site.
export default function Home() {
  redirect(PATHS.careers);
}
