import Link from 'next/link';
import type { CurrentUser } from '@/lib/api/types';
import { Collapsible } from './collapsible';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

/** The brand and the main navigation; on a phone the navigation folds behind "Menu" (one line of header). */
export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          Ticket<span>ing</span>
        </Link>
        <Collapsible id="main-nav" label="Menu" className="site-header__menu">
          <nav className="nav" aria-label="Main">
            <NavLink href="/">Browse</NavLink>
            <NavLink href="/sell">Sell a ticket</NavLink>
            {user ? (
              <>
                <NavLink href="/listings">My listings</NavLink>
                <NavLink href="/earnings">Earnings</NavLink>
                <NavLink href="/orders">My orders</NavLink>
                <NavLink href="/my-tickets">My tickets</NavLink>
                <NavLink href="/checkin">Check-in</NavLink>
                {user.role === 'admin' && <NavLink href="/admin">Admin</NavLink>}
                <span className="nav__user" data-testid="current-user">
                  Signed in as <strong>{user.name}</strong>
                </span>
                <SignOutButton />
              </>
            ) : (
              <>
                <NavLink href="/signin">Sign in</NavLink>
                <NavLink href="/signup">Sign up</NavLink>
              </>
            )}
          </nav>
        </Collapsible>
      </div>
    </header>
  );
}
